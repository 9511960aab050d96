// Package posting is BFCL's TwitterAPI class (the reference's
// posting_api.py) re-implemented in Go: a small social network where the
// user authenticates, posts tweets, retweets, comments, mentions and
// follows. Its results and states equal the Python reference's byte for
// byte, Python's quirks included: tweets are keyed by int ids (the
// scenario's string keys are converted on load) while comments keep the
// scenario's string keys beside the int keys that new comments add,
// mention needs no authentication, and the list post_tweet uses when no
// mentions are given is one list shared by every tweet posted that way.
//
// The class registers itself with the bfcl framework as "TwitterAPI";
// import the package for its side effect and build envs with bfcl.New.
package posting

import (
	"errors"
	"fmt"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/pyval"
)

// ClassName is the reference's class name, as test entries list it.
const ClassName = "TwitterAPI"

// ErrConfig reports an initial_config that the reference could not load
// either (the error text is Python's).
var ErrConfig = errors.New("posting: bad initial_config")

func init() {
	bfcl.RegisterClass(ClassName, func() bfcl.Class { return &API{} }) // unloaded: Env loads it
}

// API is one TwitterAPI instance. Its fields hold Python values (package
// pyval) because a scenario may give any JSON value, and the reference
// carries whatever it is given into results and state.
type API struct {
	out           bfcl.Out // the result slot (see bfcl.Out)
	username      pyval.Value
	password      pyval.Value
	authenticated pyval.Value
	// tweets maps int ids to tweet dicts (usually *pyval.Dict).
	tweets *pyval.Dict
	// comments maps tweet ids (str keys from the scenario, int keys from
	// comment) to lists of comment dicts.
	comments pyval.Value
	// retweets maps usernames to lists of tweet ids.
	retweets        pyval.Value
	followingList   pyval.Value
	tweetCounter    pyval.Value
	defaultMentions defaultList

	// ownComments and ownRetweets report whether comments and retweets
	// are the instance's own dicts rather than its config's (or the shared
	// empty default): a method copies one before its first change (see
	// Load and writable).
	ownComments, ownRetweets bool
	// tweetsStore is the dict tweets points to after Load, held in the
	// instance rather than allocated apart.
	tweetsStore pyval.Dict
}

// defaultList reproduces post_tweet's mutable default argument
// `mentions=[]`: every tweet posted without mentions holds the same list,
// so mention() on one of them extends them all and every later tweet
// posted without mentions. In the reference the list lives as long as the
// Python process; here it lives as long as the instance, which is what a
// fresh reference process running one test entry shows.
type defaultList struct {
	// boxed is the list (a []pyval.Value), boxed once per change rather
	// than once per post.
	boxed pyval.Value
	// holders are the tweet dicts whose "mentions" is the shared list.
	holders []*pyval.Dict
}

// set makes items the shared list.
func (l *defaultList) set(items []pyval.Value) { l.boxed = items }

// Defaults of the scenario's attributes, shared by every instance that
// loads them: no method changes them in place (a method copies comments
// and retweets before changing them, and lists are never appended to in
// place), so none needs its own until it changes.
var (
	emptyDict                 = pyval.NewDict()
	emptyList     pyval.Value = []pyval.Value{}
	defaultFollow pyval.Value = []pyval.Value{"alice", "bob"}
)

// New returns an instance loaded with the reference's default scenario.
func New() *API {
	a := &API{}
	if err := a.Load(pyval.NewDict(), false); err != nil {
		panic(err) // the empty scenario always loads
	}
	return a
}

// Name implements bfcl.Class.
func (a *API) Name() string { return ClassName }

// CopiesConfig implements bfcl.ConfigCopier: Load never changes its
// config, and the instance copies a part of it only when a method is
// about to change that part (see Load).
func (*API) CopiesConfig() {}

// Load implements bfcl.Class as the reference's _load_scenario: each
// attribute comes from the scenario or from the default state, and tweet
// keys are converted to int. The long-context variant is the same.
//
// Load leaves config unchanged and shares its values (bfcl.ConfigCopier):
// tweets is a new dict holding the config's tweet dicts, which mention
// replaces by a changed copy rather than changing; comments and retweets
// are copied before their first change; and every list a method grows
// (following, comments, retweets, mentions) grows into a new array, so
// no append writes into the config's spare capacity.
func (a *API) Load(config *pyval.Dict, longContext bool) error {
	*a = API{
		username: "john", password: "john123", authenticated: false,
		comments: emptyDict, retweets: emptyDict, followingList: defaultFollow,
		tweetCounter: int64(0),
	}
	if v, ok := config.Get("username"); ok {
		a.username = v
	}
	if v, ok := config.Get("password"); ok {
		a.password = v
	}
	if v, ok := config.Get("authenticated"); ok {
		a.authenticated = v
	}
	tweets := &a.tweetsStore
	if rawTweets, ok := config.Get("tweets"); ok {
		td, ok := rawTweets.(*pyval.Dict)
		if !ok {
			return fmt.Errorf("%w: %w", ErrConfig, pyval.Exc("AttributeError", fmt.Sprintf("'%s' object has no attribute 'items'", typeName(rawTweets))))
		}
		// Room beyond the scenario's tweets for the ones post_tweet adds.
		tweets.Grow(td.Len() + 2)
		var err error
		td.Items(func(k, v pyval.Value) bool {
			var id pyval.Value
			if id, err = pyInt(k); err != nil {
				return false
			}
			tweets.Set(id, v)
			return true
		})
		if err != nil {
			return fmt.Errorf("%w: %w", ErrConfig, err)
		}
	}
	a.tweets = tweets
	if v, ok := config.Get("comments"); ok {
		a.comments = v
	}
	if v, ok := config.Get("retweets"); ok {
		a.retweets = v
	}
	if v, ok := config.Get("following_list"); ok {
		a.followingList = v
	}
	if v, ok := config.Get("tweet_counter"); ok {
		a.tweetCounter = v
	}
	a.defaultMentions.boxed = emptyList
	return nil
}

// writable returns d to change: d itself when own is set, else a copy
// (with room for the item about to be added), which *field then holds
// and own records.
func writable(d *pyval.Dict, field *pyval.Value, own *bool) *pyval.Dict {
	if *own {
		return d
	}
	c := d.Copy()
	c.Grow(1)
	*field, *own = c, true
	return c
}

// State implements bfcl.Class: the public attributes in the order the
// reference sets them. The values share storage with the instance: read
// or encode them before the next call.
func (a *API) State() *pyval.Dict {
	d := pyval.NewDict()
	d.Set("username", a.username)
	d.Set("password", a.password)
	d.Set("authenticated", a.authenticated)
	d.Set("tweets", a.tweets)
	d.Set("comments", a.comments)
	d.Set("retweets", a.retweets)
	d.Set("following_list", a.followingList)
	d.Set("tweet_counter", a.tweetCounter)
	return d
}

// StateEqual implements bfcl.StateComparer: the attributes State lists,
// compared without copying them.
func (a *API) StateEqual(other bfcl.Class) bool {
	o, ok := other.(*API)
	return ok && pyval.Equal(a.username, o.username) &&
		pyval.Equal(a.password, o.password) &&
		pyval.Equal(a.authenticated, o.authenticated) &&
		pyval.Equal(a.tweets, o.tweets) &&
		pyval.Equal(a.comments, o.comments) &&
		pyval.Equal(a.retweets, o.retweets) &&
		pyval.Equal(a.followingList, o.followingList) &&
		pyval.Equal(a.tweetCounter, o.tweetCounter)
}

// Clone implements bfcl.Class with a deep copy that keeps the shared
// default mentions list shared among the clone's tweets.
func (a *API) Clone() bfcl.Class {
	c := &API{
		username:      pyval.DeepCopy(a.username),
		password:      pyval.DeepCopy(a.password),
		authenticated: pyval.DeepCopy(a.authenticated),
		comments:      pyval.DeepCopy(a.comments),
		retweets:      pyval.DeepCopy(a.retweets),
		followingList: pyval.DeepCopy(a.followingList),
		tweetCounter:  pyval.DeepCopy(a.tweetCounter),
		ownComments:   true,
		ownRetweets:   true,
	}
	shared := make(map[*pyval.Dict]bool, len(a.defaultMentions.holders))
	for _, h := range a.defaultMentions.holders {
		shared[h] = true
	}
	c.defaultMentions.set(pyval.DeepCopy(a.defaultMentions.boxed).([]pyval.Value))
	c.tweets = &c.tweetsStore
	a.tweets.Items(func(k, v pyval.Value) bool {
		t, isDict := v.(*pyval.Dict)
		if !isDict || !shared[t] {
			c.tweets.Set(k, pyval.DeepCopy(v))
			return true
		}
		// Copy the tweet but not its mentions: the clone's holders share
		// the clone's default list.
		nt := pyval.NewDict()
		t.Items(func(tk, tv pyval.Value) bool {
			if tk == "mentions" {
				nt.Set(tk, c.defaultMentions.boxed)
			} else {
				nt.Set(tk, pyval.DeepCopy(tv))
			}
			return true
		})
		c.defaultMentions.holders = append(c.defaultMentions.holders, nt)
		c.tweets.Set(k, nt)
		return true
	})
	return c
}
