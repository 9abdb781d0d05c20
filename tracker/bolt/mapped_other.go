//go:build !linux

package bolt

import bbolt "go.etcd.io/bbolt"

// dropMapped does nothing off Linux, where madvise may free a shared
// mapping's pages only lazily or not at all: the pages stay mapped until
// the database is closed.
func dropMapped(tx *bbolt.Tx) {}
