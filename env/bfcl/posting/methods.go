package posting

import (
	"slices"
	"strconv"
	"sync"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// Error messages of the reference's result dicts.
const (
	errNotAuthPost     = "User not authenticated. Please authenticate before posting."
	errNotAuthRetweet  = "User not authenticated. Please authenticate before retweeting."
	errNotAuthComment  = "User not authenticated. Please authenticate before commenting."
	errNotAuthFollow   = "User not authenticated. Please authenticate before following."
	errNotAuthList     = "User not authenticated. Please authenticate before listing following."
	errNotAuthUnfollow = "User not authenticated. Please authenticate before unfollowing."
)

// sharedDefault is the default of post_tweet's mentions parameter: it
// stands for the reference's one mutable default list (see defaultList).
type sharedDefault struct{}

// PyRepr implements pyval.Object.
func (sharedDefault) PyRepr() string { return "[]" }

// Methods implements bfcl.Class.
func (a *API) Methods() []bfcl.Method { return bfcl.Bound(a, methodTable()) }

// MethodTable implements bfcl.MethodTable: the methods of Methods, for
// any instance.
func (*API) MethodTable() []bfcl.Method { return methodTable() }

// methodTable lists the methods once.
var methodTable = sync.OnceValue(func() []bfcl.Method {
	return []bfcl.Method{
		{Name: "authenticate_twitter", Params: []bfcl.Param{bfcl.Req("username"), bfcl.Req("password")},
			Run: func(c bfcl.Class, v []pyval.Value) (pyval.Value, error) {
				a := c.(*API)
				return a.AuthenticateTwitter(v[0], v[1]), nil
			}},
		{Name: "posting_get_login_status",
			Run: func(c bfcl.Class, _ []pyval.Value) (pyval.Value, error) {
				a := c.(*API)
				return a.PostingGetLoginStatus(), nil
			}},
		{Name: "post_tweet", Params: []bfcl.Param{bfcl.Req("content"), bfcl.Opt("tags", []pyval.Value{}), bfcl.Opt("mentions", sharedDefault{})},
			Run: func(c bfcl.Class, v []pyval.Value) (pyval.Value, error) {
				a := c.(*API)
				return a.PostTweet(v[0], v[1], v[2])
			}},
		{Name: "retweet", Params: []bfcl.Param{bfcl.Req("tweet_id")},
			Run: func(c bfcl.Class, v []pyval.Value) (pyval.Value, error) { a := c.(*API); return a.Retweet(v[0]) }},
		{Name: "comment", Params: []bfcl.Param{bfcl.Req("tweet_id"), bfcl.Req("comment_content")},
			Run: func(c bfcl.Class, v []pyval.Value) (pyval.Value, error) { a := c.(*API); return a.Comment(v[0], v[1]) }},
		{Name: "mention", Params: []bfcl.Param{bfcl.Req("tweet_id"), bfcl.Req("mentioned_usernames")},
			Run: func(c bfcl.Class, v []pyval.Value) (pyval.Value, error) { a := c.(*API); return a.Mention(v[0], v[1]) }},
		{Name: "follow_user", Params: []bfcl.Param{bfcl.Req("username_to_follow")},
			Run: func(c bfcl.Class, v []pyval.Value) (pyval.Value, error) { a := c.(*API); return a.FollowUser(v[0]) }},
		{Name: "list_all_following",
			Run: func(c bfcl.Class, _ []pyval.Value) (pyval.Value, error) {
				a := c.(*API)
				return a.ListAllFollowing(), nil
			}},
		{Name: "unfollow_user", Params: []bfcl.Param{bfcl.Req("username_to_unfollow")},
			Run: func(c bfcl.Class, v []pyval.Value) (pyval.Value, error) { a := c.(*API); return a.UnfollowUser(v[0]) }},
		{Name: "get_tweet", Params: []bfcl.Param{bfcl.Req("tweet_id")},
			Run: func(c bfcl.Class, v []pyval.Value) (pyval.Value, error) { a := c.(*API); return a.GetTweet(v[0]) }},
		{Name: "get_user_tweets", Params: []bfcl.Param{bfcl.Req("username")},
			Run: func(c bfcl.Class, v []pyval.Value) (pyval.Value, error) { a := c.(*API); return a.GetUserTweets(v[0]) }},
		{Name: "search_tweets", Params: []bfcl.Param{bfcl.Req("keyword")},
			Run: func(c bfcl.Class, v []pyval.Value) (pyval.Value, error) { a := c.(*API); return a.SearchTweets(v[0]) }},
		{Name: "get_tweet_comments", Params: []bfcl.Param{bfcl.Req("tweet_id")},
			Run: func(c bfcl.Class, v []pyval.Value) (pyval.Value, error) {
				a := c.(*API)
				return a.GetTweetComments(v[0])
			}},
		{Name: "get_user_stats", Params: []bfcl.Param{bfcl.Req("username")},
			Run: func(c bfcl.Class, v []pyval.Value) (pyval.Value, error) { a := c.(*API); return a.GetUserStats(v[0]) }},
	}
})

// dict1 returns {key: v} rendered as the executor shows it (a
// bfcl.JSONResult, or the dict when v is not JSON serialisable).
func dict1(key string, v pyval.Value) pyval.Value { return bfcl.RenderDict(key, v) }

func errorDict(msg string) pyval.Value { return dict1("error", msg) }

// Results that never vary are rendered once. Dict results are rendered
// (bfcl.JSONResult) rather than built for the executor to encode; the
// methods that return part of the state itself (get_tweet, the tweet
// lists, get_tweet_comments) return it as the reference does, to be
// only read.
var (
	resAuthenticated    = dict1("authentication_status", true)
	resNotAuthenticated = dict1("authentication_status", false)
	resLoggedIn         = dict1("login_status", true)
	resLoggedOut        = dict1("login_status", false)
	resRetweeted        = dict1("retweet_status", "Successfully retweeted")
	resAlreadyRetweeted = dict1("retweet_status", "Already retweeted")
	resCommented        = dict1("comment_status", "Comment added successfully")
	resMentioned        = dict1("mention_status", "Users mentioned successfully")
	resFollowed         = dict1("follow_status", true)
	resAlreadyFollowing = dict1("follow_status", false)
	resUnfollowed       = dict1("unfollow_status", true)
	resNotFollowing     = dict1("unfollow_status", false)
	errPost             = errorDict(errNotAuthPost)
	errRetweet          = errorDict(errNotAuthRetweet)
	errComment          = errorDict(errNotAuthComment)
	errFollow           = errorDict(errNotAuthFollow)
	errList             = errorDict(errNotAuthList)
	errUnfollow         = errorDict(errNotAuthUnfollow)
)

func notFound(tweetID pyval.Value) pyval.Value {
	return errorDict("Tweet with ID " + pyval.Str(tweetID) + " not found.")
}

// AuthenticateTwitter logs the user in when username and password match
// the scenario's.
func (a *API) AuthenticateTwitter(username, password pyval.Value) pyval.Value {
	if pyval.Equal(username, a.username) && pyval.Equal(password, a.password) {
		a.authenticated = true
		return resAuthenticated
	}
	return resNotAuthenticated
}

// PostingGetLoginStatus reports whether the user is logged in.
func (a *API) PostingGetLoginStatus() pyval.Value {
	if pyval.Truth(a.authenticated) {
		return resLoggedIn
	}
	return resLoggedOut
}

// PostTweet posts a tweet under the next id and returns it, rendered as
// the executor shows the dict. A mentions of sharedDefault{} means the
// parameter was left out.
func (a *API) PostTweet(content, tags, mentions pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(a.authenticated) {
		return errPost, nil
	}
	_, isDefault := mentions.(sharedDefault)
	if isDefault {
		mentions = a.defaultMentions.boxed
	}
	id := a.tweetCounter
	if err := hashable(id); err != nil {
		return nil, err
	}
	tweet := pyval.DictOf(
		"id", id,
		"username", a.username,
		"content", content,
		"tags", tags,
		"mentions", mentions,
	)
	a.tweets.Set(id, tweet)
	if isDefault {
		if a.defaultMentions.holders == nil {
			a.defaultMentions.holders = make([]*pyval.Dict, 0, 8)
		}
		a.defaultMentions.holders = append(a.defaultMentions.holders, tweet)
	}
	next, err := addOne(id)
	if err != nil {
		return nil, err
	}
	a.tweetCounter = next
	// The tweet's json.dumps, written from its values (or the tweet,
	// shown through str(), when a value is not serialisable).
	if t, ok := bfcl.RenderText("id", id, "username", a.username, "content", content, "tags", tags, "mentions", mentions); ok {
		return a.out.Return(t), nil
	}
	return tweet, nil // not serialisable: the executor shows str(tweet)
}

// lookup finds a tweet as `tweet_id in self.tweets` does.
func (a *API) lookup(tweetID pyval.Value) (pyval.Value, bool, error) {
	return dictGet(a.tweets, tweetID)
}

// Retweet records a retweet of a tweet by the user.
func (a *API) Retweet(tweetID pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(a.authenticated) {
		return errRetweet, nil
	}
	if _, ok, err := a.lookup(tweetID); err != nil || !ok {
		if err != nil {
			return nil, err
		}
		return notFound(tweetID), nil
	}
	retweets, err := asDict(a.retweets, "does not support item assignment")
	if err != nil {
		return nil, err
	}
	list, ok, err := dictGet(retweets, a.username)
	if err != nil {
		return nil, err
	}
	if !ok {
		// self.retweets[username] = [] and the append that follows.
		writable(retweets, &a.retweets, &a.ownRetweets).Set(a.username, []pyval.Value{tweetID})
		return resRetweeted, nil
	}
	in, err := contains(list, tweetID)
	if err != nil {
		return nil, err
	}
	if in {
		return resAlreadyRetweeted, nil
	}
	l, isList := list.([]pyval.Value)
	if !isList {
		return nil, noAttr(list, "append")
	}
	// A new array: l may be the config's (see Load).
	writable(retweets, &a.retweets, &a.ownRetweets).Set(a.username, append(slices.Clip(l), tweetID))
	return resRetweeted, nil
}

// Comment adds the user's comment to a tweet.
func (a *API) Comment(tweetID, content pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(a.authenticated) {
		return errComment, nil
	}
	if _, ok, err := a.lookup(tweetID); err != nil || !ok {
		if err != nil {
			return nil, err
		}
		return notFound(tweetID), nil
	}
	comments, err := asDict(a.comments, "does not support item assignment")
	if err != nil {
		return nil, err
	}
	list, ok := comments.Get(tweetID)
	if !ok {
		// self.comments[tweet_id] = [] and the append that follows.
		writable(comments, &a.comments, &a.ownComments).Set(tweetID, []pyval.Value{pyval.DictOf("username", a.username, "content", content)})
		return resCommented, nil
	}
	l, isList := list.([]pyval.Value)
	if !isList {
		return nil, noAttr(list, "append")
	}
	// A new array: l may be the config's (see Load).
	writable(comments, &a.comments, &a.ownComments).Set(tweetID, append(slices.Clip(l), pyval.DictOf("username", a.username, "content", content)))
	return resCommented, nil
}

// Mention adds usernames to a tweet's mentions; it needs no login.
func (a *API) Mention(tweetID, usernames pyval.Value) (pyval.Value, error) {
	tweet, ok, err := a.lookup(tweetID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return notFound(tweetID), nil
	}
	m, err := item(tweet, "mentions")
	if err != nil {
		return nil, err
	}
	list, isList := m.([]pyval.Value)
	if !isList {
		return nil, noAttr(m, "extend")
	}
	add, err := iterate(usernames)
	if err != nil {
		return nil, err
	}
	// A new backing array every time: clones and the shared default list
	// never see each other's appends.
	grown := make([]pyval.Value, len(list), len(list)+len(add))
	copy(grown, list)
	grown = append(grown, add...)
	td := tweet.(*pyval.Dict) // item succeeded on a dict
	if a.isDefaultHolder(td) {
		a.defaultMentions.set(grown)
		for _, h := range a.defaultMentions.holders {
			h.Set("mentions", a.defaultMentions.boxed)
		}
	} else {
		// A changed copy in the tweet's place: the tweet may be the
		// config's (see Load), and nothing else holds it.
		nt := td.Copy()
		nt.Set("mentions", grown)
		a.tweets.Set(tweetID, nt)
	}
	return resMentioned, nil
}

func (a *API) isDefaultHolder(t *pyval.Dict) bool {
	for _, h := range a.defaultMentions.holders {
		if h == t {
			return true
		}
	}
	return false
}

// FollowUser adds a user to the following list.
func (a *API) FollowUser(username pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(a.authenticated) {
		return errFollow, nil
	}
	in, err := contains(a.followingList, username)
	if err != nil {
		return nil, err
	}
	if in {
		return resAlreadyFollowing, nil
	}
	l, isList := a.followingList.([]pyval.Value)
	if !isList {
		return nil, noAttr(a.followingList, "append")
	}
	// A new array: l may be the config's (see Load).
	a.followingList = append(slices.Clip(l), username)
	return resFollowed, nil
}

// ListAllFollowing returns the following list.
func (a *API) ListAllFollowing() pyval.Value {
	if !pyval.Truth(a.authenticated) {
		return errList
	}
	return dict1("following_list", a.followingList)
}

// UnfollowUser removes a user from the following list.
func (a *API) UnfollowUser(username pyval.Value) (pyval.Value, error) {
	if !pyval.Truth(a.authenticated) {
		return errUnfollow, nil
	}
	in, err := contains(a.followingList, username)
	if err != nil {
		return nil, err
	}
	if !in {
		return resNotFollowing, nil
	}
	l, isList := a.followingList.([]pyval.Value)
	if !isList {
		return nil, noAttr(a.followingList, "remove")
	}
	out := make([]pyval.Value, 0, len(l)-1)
	removed := false
	for _, u := range l {
		if !removed && pyval.Equal(u, username) {
			removed = true
			continue
		}
		out = append(out, u)
	}
	a.followingList = out
	return resUnfollowed, nil
}

// GetTweet returns a tweet (the stored dict itself, as the reference
// does); it needs no login.
func (a *API) GetTweet(tweetID pyval.Value) (pyval.Value, error) {
	tweet, ok, err := a.lookup(tweetID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return notFound(tweetID), nil
	}
	return tweet, nil
}

// GetUserTweets returns the tweets whose author is username.
func (a *API) GetUserTweets(username pyval.Value) (pyval.Value, error) {
	out := []pyval.Value{}
	var err error
	a.tweets.Items(func(_, t pyval.Value) bool {
		var u pyval.Value
		if u, err = item(t, "username"); err != nil {
			return false
		}
		if pyval.Equal(u, username) {
			out = append(out, t)
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// SearchTweets returns the tweets whose content contains keyword, or with
// a tag equal to it, ignoring case.
func (a *API) SearchTweets(keyword pyval.Value) (pyval.Value, error) {
	out := []pyval.Value{}
	if a.tweets.Len() == 0 {
		return out, nil
	}
	kw, err := lower(keyword)
	if err != nil {
		return nil, err
	}
	a.tweets.Items(func(_, t pyval.Value) bool {
		var match bool
		if match, err = tweetMatches(t, kw); err != nil {
			return false
		}
		if match {
			out = append(out, t)
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// tweetMatches is the reference's test for one tweet:
// `kw in tweet["content"].lower() or kw in [t.lower() for t in tweet["tags"]]`
// with kw already lowered.
func tweetMatches(t pyval.Value, kw string) (bool, error) {
	c, err := item(t, "content")
	if err != nil {
		return false, err
	}
	cs, ok := c.(string)
	if !ok {
		return false, noAttr(c, "lower")
	}
	if lowerContains(cs, kw) {
		return true, nil
	}
	tv, err := item(t, "tags")
	if err != nil {
		return false, err
	}
	tags, err := iterate(tv)
	if err != nil {
		return false, err
	}
	// The reference lowers every tag (failing on a non-str one) before
	// testing membership.
	found := false
	for _, tag := range tags {
		ts, ok := tag.(string)
		if !ok {
			return false, noAttr(tag, "lower")
		}
		if !found && lowerEquals(ts, kw) {
			found = true
		}
	}
	return found, nil
}

// GetTweetComments returns a tweet's comments; it needs no login.
func (a *API) GetTweetComments(tweetID pyval.Value) (pyval.Value, error) {
	if _, ok, err := a.lookup(tweetID); err != nil || !ok {
		if err != nil {
			return nil, err
		}
		return notFound(tweetID), nil
	}
	comments, ok := a.comments.(*pyval.Dict)
	if !ok {
		return nil, noAttr(a.comments, "get")
	}
	if l, ok := comments.Get(tweetID); ok {
		return l, nil
	}
	return []pyval.Value{}, nil
}

// GetUserStats counts a user's tweets, followed users (known only for the
// logged-in user) and retweets.
func (a *API) GetUserStats(username pyval.Value) (pyval.Value, error) {
	var tweetCount int64
	var err error
	a.tweets.Items(func(_, t pyval.Value) bool {
		var u pyval.Value
		if u, err = item(t, "username"); err != nil {
			return false
		}
		if pyval.Equal(u, username) {
			tweetCount++
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	var followingCount int64
	if pyval.Equal(username, a.username) {
		if followingCount, err = length(a.followingList); err != nil {
			return nil, err
		}
	}
	retweets, ok := a.retweets.(*pyval.Dict)
	if !ok {
		return nil, noAttr(a.retweets, "get")
	}
	var retweetCount int64
	if l, found, err := dictGet(retweets, username); err != nil {
		return nil, err
	} else if found {
		if retweetCount, err = length(l); err != nil {
			return nil, err
		}
	}
	var buf [96]byte
	b := strconv.AppendInt(append(buf[:0], `{"tweet_count": `...), tweetCount, 10)
	b = strconv.AppendInt(append(b, `, "following_count": `...), followingCount, 10)
	b = strconv.AppendInt(append(b, `, "retweet_count": `...), retweetCount, 10)
	return a.out.Return(bfcl.JSONResult(append(b, '}'))), nil
}

var _ bfcl.Class = (*API)(nil)
