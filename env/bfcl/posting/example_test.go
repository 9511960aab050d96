package posting_test

import (
	"fmt"

	"github.com/toolgym/toolgym/env/bfcl"
	_ "github.com/toolgym/toolgym/env/bfcl/posting" // registers TwitterAPI
	"github.com/toolgym/toolgym/pyval"
)

// Load a scenario as a BFCL test entry's initial_config gives it, then run
// calls as the reference's executor runs them.
func Example() {
	cfg, err := pyval.FromJSON([]byte(`{"TwitterAPI": {
		"username": "ann", "password": "pw", "tweet_counter": 1,
		"tweets": {"0": {"id": 0, "username": "bob", "content": "Hello world", "tags": ["#hi"], "mentions": []}}}}`))
	if err != nil {
		panic(err)
	}
	e, err := bfcl.New([]string{"TwitterAPI"}, cfg.(*pyval.Dict), false)
	if err != nil {
		panic(err)
	}
	for _, r := range e.ExecAll([]string{
		"post_tweet(content='first!')",
		"authenticate_twitter(username='ann', password='pw')",
		"post_tweet(content='first!', tags=['#new'])",
		"retweet(tweet_id=0)",
		"retweet(tweet_id=5)",
		"search_tweets(keyword='HELLO')",
		"get_user_stats(username='ann')",
	}) {
		fmt.Println(r)
	}
	// Output:
	// {"error": "User not authenticated. Please authenticate before posting."}
	// {"authentication_status": true}
	// {"id": 1, "username": "ann", "content": "first!", "tags": ["#new"], "mentions": []}
	// {"retweet_status": "Successfully retweeted"}
	// {"error": "Tweet with ID 5 not found."}
	// [{'id': 0, 'username': 'bob', 'content': 'Hello world', 'tags': ['#hi'], 'mentions': []}]
	// {"tweet_count": 1, "following_count": 2, "retweet_count": 1}
}

// The state the reference's checker compares, in the replay anchors'
// encoding: tweet ids are int keys.
func Example_state() {
	e, err := bfcl.New([]string{"TwitterAPI"}, nil, false)
	if err != nil {
		panic(err)
	}
	e.Exec("authenticate_twitter(username='john', password='john123')")
	e.Exec("post_tweet(content='hi')")
	b, err := e.Snapshot()
	if err != nil {
		panic(err)
	}
	fmt.Println(string(b))
	// Output:
	// {"TwitterAPI": {"username": "john", "password": "john123", "authenticated": true, "tweets": {"int:0": {"id": 0, "username": "john", "content": "hi", "tags": [], "mentions": []}}, "comments": {}, "retweets": {}, "following_list": ["alice", "bob"], "tweet_counter": 1}}
}
