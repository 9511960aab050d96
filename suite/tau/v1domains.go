package tau

import (
	"github.com/toolgym/toolgym/env"
	"github.com/toolgym/toolgym/env/taubench"
	"github.com/toolgym/toolgym/env/taubench/airline"
	"github.com/toolgym/toolgym/env/taubench/retail"
	"github.com/toolgym/toolgym/suite"
)

// v1World adapts a loaded env/taubench domain to V1World.
type v1World struct{ data *taubench.Data }

func (w v1World) NewEnv() env.Env { return w.data.New() }

func (w v1World) SameData(a, b env.Env) bool {
	x, ok1 := a.(*taubench.Env)
	y, ok2 := b.(*taubench.Env)
	return ok1 && ok2 && x.Equal(y)
}

func (w v1World) DataHash(e env.Env) string {
	if x, ok := e.(*taubench.Env); ok {
		return x.Hash()
	}
	return ""
}

func init() {
	RegisterV1Domain(V1Domain{
		Name: "retail", DataFiles: retail.Files, Terminate: retail.TerminateTools,
		Load: func(dir string) (V1World, error) {
			d, err := retail.Load(dir)
			if err != nil {
				return nil, err
			}
			return v1World{d}, nil
		},
	})
	RegisterV1Domain(V1Domain{
		Name: "airline", DataFiles: airline.Files, Terminate: airline.TerminateTools,
		Load: func(dir string) (V1World, error) {
			d, err := airline.Load(dir)
			if err != nil {
				return nil, err
			}
			return v1World{d}, nil
		},
	})
	suite.Register(NewV1Suite("retail"))
	suite.Register(NewV1Suite("airline"))
}
