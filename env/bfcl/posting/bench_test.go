package posting

import (
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

const benchConfig = `{"username": "tech_guru", "password": "securePass123", "authenticated": true,
 "tweets": {"0": {"id": 0, "username": "tech_guru", "content": "Our refined findings on tech trends", "tags": ["#TechTrends", "#InsightfulTeam"], "mentions": ["@InsightfulTeam"]},
            "1": {"id": 1, "username": "analyst_pro", "content": "Budget analysis insights coming soon!", "tags": ["#budget", "#analysis"], "mentions": []},
            "2": {"id": 2, "username": "tech_guru", "content": "Stay tuned for more updates!", "tags": ["#updates"], "mentions": []}},
 "comments": {}, "retweets": {}, "following_list": ["tech_innovator", "future_visionary"], "tweet_counter": 3}`

// BenchmarkCalls measures one call as the reference's step loop runs it:
// parse the Python call string, bind, run, and render the result string.
// The reference runs TwitterAPI calls at about 8,400 calls/s (119 µs).
func BenchmarkCalls(b *testing.B) {
	calls := []struct{ name, call string }{
		{"authenticate", "authenticate_twitter(username='tech_guru', password='securePass123')"},
		{"get_tweet", "get_tweet(tweet_id=1)"},
		{"search_tweets", "search_tweets(keyword='analysis')"},
		{"get_user_stats", "get_user_stats(username='tech_guru')"},
		{"retweet", "retweet(tweet_id=0)"},
		{"comment", "comment(tweet_id=2, comment_content='Great insights!')"},
		{"follow_user", "follow_user(username_to_follow='tech_innovator')"},
		{"post_tweet", "post_tweet(content='Excited for the trip!', tags=['#Travel'], mentions=['@bob'])"},
	}
	for _, c := range calls {
		b.Run(c.name, func(b *testing.B) {
			e := newEnv(b, benchConfig)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if i%4096 == 4095 { // keep growing calls (comment, post_tweet) from growing without bound
					b.StopTimer()
					e = newEnv(b, benchConfig)
					b.StartTimer()
				}
				e.Exec(c.call)
			}
		})
	}
}

// BenchmarkMethods measures the methods alone, arguments already bound
// and no result rendering: the part of a call this package owns.
func BenchmarkMethods(b *testing.B) {
	calls := []struct {
		name string
		args []pyval.Value
	}{
		{"authenticate_twitter", []pyval.Value{"tech_guru", "securePass123"}},
		{"get_tweet", []pyval.Value{int64(1)}},
		{"search_tweets", []pyval.Value{"analysis"}},
		{"get_user_stats", []pyval.Value{"tech_guru"}},
		{"retweet", []pyval.Value{int64(0)}},
		{"follow_user", []pyval.Value{"tech_innovator"}},
		{"get_tweet_comments", []pyval.Value{int64(0)}},
	}
	for _, c := range calls {
		b.Run(c.name, func(b *testing.B) {
			a := newEnv(b, benchConfig).Classes()[0].(*API)
			var m bfcl.Method
			for _, x := range a.Methods() {
				if x.Name == c.name {
					m = x
				}
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := m.Call(c.args); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkClone measures forking a loaded instance.
func BenchmarkClone(b *testing.B) {
	a := newEnv(b, benchConfig).Classes()[0]
	b.ReportAllocs()
	for b.Loop() {
		a.Clone()
	}
}
