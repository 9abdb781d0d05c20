package bolt

import (
	"syscall"

	bbolt "go.etcd.io/bbolt"
)

// dropMapped unmaps from the process the pages of tx's file that reading
// mapped (madvise MADV_DONTNEED over the file's pages: for a shared
// mapping of a file it drops only the process's mappings, never data,
// and the next read of a page maps it again from the page cache). An
// error is ignored: the pages stay mapped, as without the call.
func dropMapped(tx *bbolt.Tx) {
	data, size := tx.DB().Info().Data, tx.Size()
	if data == 0 || size <= 0 {
		return
	}
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, data, uintptr(size), syscall.MADV_DONTNEED)
}
