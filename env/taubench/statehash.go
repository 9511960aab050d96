package taubench

// StateHash implements env.Hasher: a fingerprint of the data that costs
// about as much as the records written since it was loaded
// (docdb.Fingerprint), which the episode takes after every turn. It is not
// the reference's get_data_hash; Hash is.
func (e *Env) StateHash() (string, error) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.db.Fingerprint()
}
