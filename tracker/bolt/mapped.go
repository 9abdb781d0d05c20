package bolt

import bbolt "go.etcd.io/bbolt"

// A long read of the file (CurrentClaims walks every claim, index record
// and report) leaves each page it touched mapped into the process, and a
// mapped page counts in its memory as long as the map lasts: reading a
// million claims mapped the whole 1 GB file beside the 0.6 GB of claims
// read, which made the peak of `toll timeline`. pageDropper gives the
// pages back every so many steps of such a read (dropMapped: the kernel
// keeps them in its page cache, and a page read again is mapped again
// from there, with no read of the disk). The data a transaction sees
// does not change: bbolt maps the file shared and read-only, so the pages
// dropped are the file's own.

// dropEvery is how many steps (claims, reports) a pageDropper lets pass
// between drops: about 10 MB of the file at a million claims' density.
const dropEvery = 65536

// pageDropper counts a read transaction's steps and drops the mapped
// pages every n of them (dropEvery when n is zero); a nil *pageDropper
// drops nothing.
type pageDropper struct {
	tx      *bbolt.Tx
	n, left int
	dropped func() // called at each drop, when set (tests)
}

// newPageDropper makes a pageDropper of tx, dropping every n steps
// (dropEvery when n is zero) and calling dropped, when set, at each drop.
func newPageDropper(tx *bbolt.Tx, n int, dropped func()) *pageDropper {
	if n <= 0 {
		n = dropEvery
	}
	return &pageDropper{tx: tx, n: n, left: n, dropped: dropped}
}

// step counts one step, dropping the pages when n have passed.
func (d *pageDropper) step() {
	if d == nil {
		return
	}
	if d.left--; d.left <= 0 {
		d.now()
	}
}

// now drops the pages at once (between a read's passes).
func (d *pageDropper) now() {
	if d == nil {
		return
	}
	d.left = d.n
	dropMapped(d.tx)
	if d.dropped != nil {
		d.dropped()
	}
}
