package posting

import (
	"testing"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// spare returns a list of vs with spare capacity, as a decoder may leave
// it: an append that reused it would write into the config's array.
func spare(vs ...pyval.Value) []pyval.Value {
	return append(make([]pyval.Value, 0, len(vs)+8), vs...)
}

// Envs built from one config (bfcl.New hands a ConfigCopier the entry's
// config itself) neither change it nor see each other's changes, whatever
// spare capacity its lists have.
func TestSharedConfig(t *testing.T) {
	tweet := func(id int64, user string) *pyval.Dict {
		return pyval.DictOf("id", id, "username", user, "content", "c", "tags", spare("#t"), "mentions", spare("@m"))
	}
	tweets := pyval.DictOf("0", tweet(0, "bob"), "1", tweet(1, "john"), "2", tweet(2, "bob"))
	cfg := pyval.DictOf(ClassName, pyval.DictOf(
		"authenticated", true,
		"tweets", tweets,
		// An int key, as comment adds: comment appends to this list.
		"comments", pyval.DictOf(int64(0), spare(pyval.DictOf("username", "bob", "content", "x"))),
		"retweets", pyval.DictOf("john", spare(int64(1))),
		"following_list", spare("alice"),
		"tweet_counter", int64(3),
	))
	before := pyval.Repr(cfg)
	pristine := pyval.DeepCopy(cfg).(*pyval.Dict)
	calls := func(who, retweet string) []string {
		return []string{
			"retweet(tweet_id=" + retweet + ")",
			"comment(tweet_id=0, comment_content='" + who + "')",
			"comment(tweet_id=1, comment_content='" + who + "')",
			"mention(tweet_id=0, mentioned_usernames=['" + who + "'])",
			"mention(tweet_id=1, mentioned_usernames=['" + who + "'])",
			"follow_user(username_to_follow='" + who + "')",
			"post_tweet(content='" + who + "')",
			"mention(tweet_id=3, mentioned_usernames=['" + who + "'])",
		}
	}
	newEnv := func(cfg *pyval.Dict) *bfcl.Env {
		e, err := bfcl.New([]string{ClassName}, cfg, false)
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	a, b := newEnv(cfg), newEnv(cfg)
	for _, r := range a.ExecAll(calls("ann", "0")) {
		if r == "" || r[0] != '{' {
			t.Fatalf("a: unexpected result %q", r)
		}
	}
	stateA := stateBytes(t, a.Classes()[0])
	if got := pyval.Repr(cfg); got != before {
		t.Fatalf("calls changed the config\n got: %s\nwant: %s", got, before)
	}
	b.ExecAll(calls("bea", "2"))
	if got := stateBytes(t, a.Classes()[0]); got != stateA {
		t.Fatalf("another env's calls changed this one's state\n got: %s\nwant: %s", got, stateA)
	}
	if got := pyval.Repr(cfg); got != before {
		t.Fatalf("calls changed the config\n got: %s\nwant: %s", got, before)
	}
	// A third env starts from the config, not from what a and b did.
	c := newEnv(cfg)
	if got, want := stateBytes(t, c.Classes()[0]), stateBytes(t, newEnv(pristine).Classes()[0]); got != want {
		t.Fatalf("initial state after other envs' calls\n got: %s\nwant: %s", got, want)
	}
	if got, want := c.Exec("get_tweet_comments(tweet_id=0)"), `[{'username': 'bob', 'content': 'x'}]`; got != want {
		t.Fatalf("get_tweet_comments = %s, want %s", got, want)
	}
	if got, want := c.Exec("get_tweet(tweet_id=0)"), `{"id": 0, "username": "bob", "content": "c", "tags": ["#t"], "mentions": ["@m"]}`; got != want {
		t.Fatalf("get_tweet = %s, want %s", got, want)
	}
	if got, want := c.Exec("list_all_following()"), `{"following_list": ["alice"]}`; got != want {
		t.Fatalf("list_all_following = %s, want %s", got, want)
	}
	if got, want := c.Exec("get_user_stats(username='john')"), `{"tweet_count": 1, "following_count": 1, "retweet_count": 1}`; got != want {
		t.Fatalf("get_user_stats = %s, want %s", got, want)
	}
	if got, want := c.Exec("unfollow_user(username_to_unfollow='alice')"), `{"unfollow_status": true}`; got != want {
		t.Fatalf("get_user_stats = %s, want %s", got, want)
	}
}

// A tweet that json.dumps cannot encode is shown through str(), as the
// reference's executor falls back to it, wherever the value is. (The
// call parser reads no set literal: the test calls the method itself.)
func TestPostTweetNotSerialisable(t *testing.T) {
	e := newEnv(t, `{"authenticated": true}`)
	a := e.Classes()[0].(*API)
	for _, c := range []struct {
		content, tags, mentions pyval.Value
		want                    string
	}{
		{pyval.NewSet("a"), []pyval.Value{}, sharedDefault{}, `{'id': 0, 'username': 'john', 'content': {'a'}, 'tags': [], 'mentions': []}`},
		{"x", []pyval.Value{"#t"}, pyval.NewSet("@m"), `{'id': 1, 'username': 'john', 'content': 'x', 'tags': ['#t'], 'mentions': {'@m'}}`},
		{"y", []pyval.Value{}, sharedDefault{}, `{"id": 2, "username": "john", "content": "y", "tags": [], "mentions": []}`},
	} {
		res, err := a.PostTweet(c.content, c.tags, c.mentions)
		if err != nil {
			t.Fatal(err)
		}
		if got := bfcl.ResultString(res); got != c.want {
			t.Errorf("post_tweet = %s, want %s", got, c.want)
		}
	}
	if got, want := e.Exec("get_tweet(tweet_id=1)"), `{'id': 1, 'username': 'john', 'content': 'x', 'tags': ['#t'], 'mentions': {'@m'}}`; got != want {
		t.Errorf("get_tweet = %s, want %s", got, want)
	}
}
