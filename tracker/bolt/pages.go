package bolt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"slices"
)

// This file reads bbolt's page structure with plain reads (pread), never
// through bbolt's memory map. bbolt maps the file and trusts the page ids
// it finds in it: a page id past the end of a truncated or overwritten file
// makes it read past the end of the map, which is a SIGBUS or SIGSEGV, a
// fault no recover() catches; a page that is its own descendant (a loop)
// makes its cursors descend or go round for ever. Open therefore checks,
// before bbolt maps the file, that the meta page bbolt will use describes
// a file this large, that its root and freelist pages are where it says,
// and then walks the tree of every bucket with a set of the pages seen and
// a depth bound (see shape): a page out of range, reached twice or below
// itself is refused before any cursor runs. toll doctor walks every page
// the same way, reading leaves whole (see walk). Damage the walk cannot
// see (leaf contents, which it reads only in part) is caught by running
// every transaction with debug.SetPanicOnFault (see DB.view).
//
// The layout is bbolt's (go.etcd.io/bbolt/internal/common, file format
// version 2), read little-endian: bbolt writes in the machine's byte order,
// and every platform toll is built for is little-endian.

const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	pageHeaderSize = 16 // id u64, flags u16, count u16, overflow u32
	metaSize       = 64 // magic, version, pageSize, flags, root{pgid, seq}, freelist, pgid, txid, checksum
	elementSize    = 16 // branch: pos, ksize u32, pgid u64; leaf: flags, pos, ksize, vsize u32
	noFreelist     = ^uint64(0)
	pageBranch     = 0x01
	pageLeaf       = 0x02
	pageMeta       = 0x04
	pageFreelist   = 0x10
	leafBucket     = 0x01 // a leaf element whose value is a nested bucket
	bucketHeader   = 16   // root pgid u64, sequence u64
	minPageSize    = 512
	maxPageSize    = 1 << 24 // the largest bbolt looks for (getPageSizeFromSecondMeta)
)

// boltMeta is a decoded meta page.
type boltMeta struct {
	pageSize uint32
	root     uint64
	freelist uint64
	hwm      uint64 // high-water mark: pages [0, hwm) are in use or free
	txid     uint64
}

// parseMeta decodes the meta of page bytes p (a page header then the
// meta) and says whether bbolt would accept it: magic, version, checksum.
func parseMeta(p []byte) (boltMeta, bool) {
	if len(p) < pageHeaderSize+metaSize {
		return boltMeta{}, false
	}
	m := p[pageHeaderSize : pageHeaderSize+metaSize]
	le := binary.LittleEndian
	h := fnv.New64a()
	h.Write(m[:56])
	if le.Uint32(m[0:]) != boltMagic || le.Uint32(m[4:]) != boltVersion || le.Uint64(m[56:]) != h.Sum64() {
		return boltMeta{}, false
	}
	return boltMeta{
		pageSize: le.Uint32(m[8:]),
		root:     le.Uint64(m[16:]),
		freelist: le.Uint64(m[32:]),
		hwm:      le.Uint64(m[40:]),
		txid:     le.Uint64(m[48:]),
	}, true
}

// pageFile is a bbolt file read with pread: every read is checked against
// the file's size, so a bad page id is an error, never a fault.
type pageFile struct {
	r        io.ReaderAt
	size     int64
	pageSize int64
	meta     boltMeta // the meta bbolt uses: the valid one with the highest txid
	pages    uint64   // how many whole pages the file holds
}

// errNoMeta is a file with no meta page bbolt would accept: not a bbolt
// file, or both meta pages damaged. bbolt.Open says which.
var errNoMeta = errors.New("no valid meta page")

// damage is a structural problem found by reading the pages: where it is
// and what is wrong.
type damage struct {
	page uint64
	what string
}

func (d damage) Error() string { return fmt.Sprintf("page %d: %s", d.page, d.what) }

// readAt reads exactly len(b) bytes at off, or says the file ends first.
func (f *pageFile) readAt(b []byte, off int64) error {
	if off < 0 || off > f.size || int64(len(b)) > f.size-off {
		return io.ErrUnexpectedEOF
	}
	_, err := f.r.ReadAt(b, off)
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return err
}

// openPages reads the meta pages of a bbolt file of size bytes the way
// bbolt.Open does (page size from meta 0, else the first meta 1 found at a
// power-of-two offset, else the OS page size) and picks the meta bbolt
// will use. It returns errNoMeta when bbolt would refuse the file itself.
func openPages(r io.ReaderAt, size int64) (*pageFile, error) {
	f := &pageFile{r: r, size: size}
	buf := make([]byte, 4096)
	pageSize := int64(0)
	if f.readAt(buf, 0) == nil {
		if m, ok := parseMeta(buf); ok {
			pageSize = int64(m.pageSize)
		}
	}
	for i := 0; pageSize == 0 && i <= 14; i++ {
		pos := int64(1024) << i
		if pos >= size-1024 {
			break
		}
		n := min(int64(len(buf)), size-pos)
		if f.readAt(buf[:n], pos) == nil {
			if m, ok := parseMeta(buf[:n]); ok {
				pageSize = int64(m.pageSize)
			}
		}
	}
	if pageSize == 0 {
		pageSize = int64(os.Getpagesize())
	}
	if pageSize < minPageSize || pageSize > maxPageSize || size < 2*pageSize {
		return nil, errNoMeta
	}
	f.pageSize = pageSize
	f.pages = uint64(size / pageSize)
	var m0, m1 boltMeta
	var ok0, ok1 bool
	b := buf[:pageHeaderSize+metaSize]
	if f.readAt(b, 0) == nil {
		m0, ok0 = parseMeta(b)
	}
	if f.readAt(b, pageSize) == nil {
		m1, ok1 = parseMeta(b)
	}
	// bbolt.DB.meta: the one with the higher txid if valid, else the other.
	a, aok, o, ook := m0, ok0, m1, ok1
	if m1.txid > m0.txid {
		a, aok, o, ook = m1, ok1, m0, ok0
	}
	switch {
	case aok:
		f.meta = a
	case ook:
		f.meta = o
	default:
		return nil, errNoMeta
	}
	return f, nil
}

// checkMeta checks that the chosen meta describes this file: the pages
// it says are in use are all in the file, and its root and freelist pages
// are pages of the right kind whose overflow stays inside the file. These
// are the pages bbolt reads as soon as it opens the file.
func (f *pageFile) checkMeta() error {
	m := f.meta
	if int64(m.pageSize) != f.pageSize {
		return fmt.Errorf("its meta pages disagree on the page size (%d and %d bytes)", m.pageSize, f.pageSize)
	}
	if m.hwm < 3 || m.hwm > f.pages {
		return fmt.Errorf("the file holds %d pages of %d bytes (%d bytes), but its meta page says %d are in use; it was truncated or overwritten",
			f.pages, f.pageSize, f.size, m.hwm)
	}
	if _, err := f.header(m.root, pageBranch|pageLeaf); err != nil {
		return fmt.Errorf("root %w", err)
	}
	if m.freelist != noFreelist {
		if _, err := f.freelistIDs(); err != nil {
			return fmt.Errorf("freelist %w", err)
		}
	}
	return nil
}

// pageHeader is a decoded page header.
type pageHeader struct {
	id       uint64
	flags    uint16
	count    uint16
	overflow uint32
}

// header reads page id's header and checks it: inside the meta's
// high-water mark, naming itself, of one of the kinds in want, and with
// its overflow pages inside the high-water mark too.
func (f *pageFile) header(id uint64, want uint16) (pageHeader, error) {
	if id < 2 || id >= f.meta.hwm {
		return pageHeader{}, damage{id, fmt.Sprintf("page id out of range [2, %d)", f.meta.hwm)}
	}
	var b [pageHeaderSize]byte
	if err := f.readAt(b[:], int64(id)*f.pageSize); err != nil {
		return pageHeader{}, damage{id, "past the end of the file"}
	}
	return f.checkHeader(id, b[:], want)
}

// checkHeader is header's check of page id's header, read into b.
func (f *pageFile) checkHeader(id uint64, b []byte, want uint16) (pageHeader, error) {
	le := binary.LittleEndian
	h := pageHeader{id: le.Uint64(b[0:]), flags: le.Uint16(b[8:]), count: le.Uint16(b[10:]), overflow: le.Uint32(b[12:])}
	switch {
	case h.id != id:
		return h, damage{id, fmt.Sprintf("names itself page %d", h.id)}
	case h.flags&want == 0 || h.flags&(h.flags-1) != 0:
		return h, damage{id, fmt.Sprintf("is of kind %#x, want %#x", h.flags, want)}
	case uint64(h.overflow) >= f.meta.hwm-id:
		return h, damage{id, fmt.Sprintf("overflows %d pages past the high-water mark %d", h.overflow, f.meta.hwm)}
	}
	return h, nil
}

// headerAndTable is header for a branch or leaf page, reading the page's
// first len(b) bytes (a page) into b in the same read: one read a page is
// what makes shape cheap, and most element tables are inside them.
func (f *pageFile) headerAndTable(id uint64, b []byte) (pageHeader, error) {
	if id < 2 || id >= f.meta.hwm {
		return pageHeader{}, damage{id, fmt.Sprintf("page id out of range [2, %d)", f.meta.hwm)}
	}
	if err := f.readAt(b, int64(id)*f.pageSize); err != nil {
		return pageHeader{}, damage{id, "past the end of the file"}
	}
	return f.checkHeader(id, b, pageBranch|pageLeaf)
}

// body reads a page and its overflow pages whole.
func (f *pageFile) body(id uint64, h pageHeader) ([]byte, error) {
	b := make([]byte, (int64(h.overflow)+1)*f.pageSize)
	if err := f.readAt(b, int64(id)*f.pageSize); err != nil {
		return nil, damage{id, "past the end of the file"}
	}
	return b, nil
}

// freelistIDs reads the free page ids of the meta's freelist page and
// checks that each is a page inside the high-water mark.
func (f *pageFile) freelistIDs() ([]uint64, error) {
	id := f.meta.freelist
	h, err := f.header(id, pageFreelist)
	if err != nil {
		return nil, err
	}
	b, err := f.body(id, h)
	if err != nil {
		return nil, err
	}
	le := binary.LittleEndian
	start, count := uint64(pageHeaderSize), uint64(h.count)
	if h.count == 0xFFFF { // the count is the first element (bbolt's freelist.write)
		count = le.Uint64(b[pageHeaderSize:])
		start += 8
	}
	if count > (uint64(len(b))-start)/8 {
		return nil, damage{id, fmt.Sprintf("lists %d free pages, more than the page holds", count)}
	}
	ids := make([]uint64, count)
	for i := range ids {
		ids[i] = le.Uint64(b[start+8*uint64(i):])
		if ids[i] < 2 || ids[i] >= f.meta.hwm {
			return nil, damage{id, fmt.Sprintf("lists free page %d, outside [2, %d)", ids[i], f.meta.hwm)}
		}
	}
	return ids, nil
}

// preflight checks the file at path before bbolt maps it (see the top of
// this file). A missing or empty file passes: bbolt creates or initialises
// it. So does one with no valid meta page, which bbolt refuses by itself
// with its own error. Any other problem (checkMeta, then shape) is
// ErrCorrupt naming path and the first damaged page. shape costs one read
// of a page per branch and leaf page: about 0.1–0.3 s for a database of
// 100,000 claims (200 MB, 36,000 pages) on the shared 2-core machine.
func preflight(path string) error {
	fh, err := os.Open(path)
	if err != nil {
		return nil // bbolt.Open reports it with its own flags and error
	}
	defer fh.Close()
	fi, err := fh.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() == 0 {
		return nil
	}
	f, err := openPages(fh, fi.Size())
	if err != nil {
		return nil // errNoMeta: bbolt says what is wrong
	}
	if err := f.checkMeta(); err != nil {
		return damagedError(path, err)
	}
	if problems := f.shape(); len(problems) > 0 {
		var err error = problems[0]
		if len(problems) > 1 {
			err = fmt.Errorf("%w (and %d more problems: toll doctor lists them)", problems[0], len(problems)-1)
		}
		return damagedError(path, err)
	}
	return nil
}

// damagedHint is what to do about a damaged database.
const damagedHint = "restore it from an export (toll export)"

// damagedError is the one message for a damaged database, with what to do.
func damagedError(path string, err error) error {
	return fmt.Errorf("database %s is %w: %v; %s", path, ErrCorrupt, err, damagedHint)
}

// pageVisit is one page walk reached: its id, header, the bucket it
// belongs to (a path of bucket names, empty for the root bucket) and its
// depth in that bucket's tree.
type pageVisit struct {
	id     uint64
	header pageHeader
	bucket []string
	depth  int
}

// walkLimits bound a walk of a damaged file: a loop of pages or a tree
// deeper than any bbolt builds is damage, not work.
const (
	maxTreeDepth   = 64
	maxBucketDepth = 16
)

// walk visits every page reachable from the meta's root bucket (branch
// and leaf pages of every bucket, nested and inline buckets included),
// checking each page id, header, overflow and element against the file,
// and returns every problem found, in the order found; it does not
// descend into a page that is damaged. visit, when not nil, is called for
// each sound page. Pages reached twice are damage (bbolt never shares a
// page between trees). Unlike bbolt's own Tx.Check this never reads
// through the memory map, so it cannot fault whatever the file holds.
func (f *pageFile) walk(visit func(pageVisit)) []damage {
	return f.walkPages(visit, true)
}

// shape is the walk Open makes before bbolt maps the file: the same tree
// of pages, the same visited set and depth bound, but of a leaf page only
// its header and element table are read (and the values of its bucket
// elements), not its keys and values, so it costs one or two small reads
// a page. It finds every loop, every page reached twice and every page id
// out of range, which is what could make bbolt's cursors run forever or
// fault; key order and leaf contents are left to walk (toll doctor).
func (f *pageFile) shape() []damage {
	return f.walkPages(nil, false)
}

// walkPages is walk, reading leaf pages whole when full.
func (f *pageFile) walkPages(visit func(pageVisit), full bool) []damage {
	w := walker{f: f, seen: map[uint64]bool{0: true, 1: true}, visit: visit, full: full}
	if f.meta.freelist != noFreelist {
		ids, err := f.freelistIDs()
		if err != nil {
			w.problem(err, f.meta.freelist)
		}
		if h, err := f.header(f.meta.freelist, pageFreelist); err == nil {
			w.mark(f.meta.freelist, h)
		}
		w.free = ids
	}
	w.tree(f.meta.root, nil, 0)
	free := make(map[uint64]bool, len(w.free))
	for _, id := range w.free {
		switch {
		case free[id]:
			w.problems = append(w.problems, damage{id, "listed twice as free"})
		case w.seen[id] && id != f.meta.freelist:
			w.problems = append(w.problems, damage{id, "free and in use at once"})
		}
		free[id] = true
	}
	return w.problems
}

type walker struct {
	f        *pageFile
	seen     map[uint64]bool
	free     []uint64
	visit    func(pageVisit)
	full     bool // read leaf pages whole (walk), not only their element tables (shape)
	spare    []byte
	path     []uint64 // the pages from the root to the one being walked
	problems []damage
}

func (w *walker) problem(err error, page uint64) {
	var d damage
	if !errors.As(err, &d) {
		d = damage{page, err.Error()}
	}
	w.problems = append(w.problems, d)
}

// mark records the pages a page and its overflow occupy and says whether
// any of them was reached before.
func (w *walker) mark(id uint64, h pageHeader) bool {
	fresh := true
	for p := id; p <= id+uint64(h.overflow); p++ {
		if w.seen[p] {
			fresh = false
		}
		w.seen[p] = true
	}
	return fresh
}

// tree walks the tree of one bucket from page id.
func (w *walker) tree(id uint64, bucket []string, depth int) {
	if depth > maxTreeDepth {
		w.problems = append(w.problems, damage{id, fmt.Sprintf("bucket %q is more than %d pages deep (a loop?)", bucketName(bucket), maxTreeDepth)})
		return
	}
	if slices.Contains(w.path, id) {
		w.problems = append(w.problems, damage{id, fmt.Sprintf("is reached again from below itself (in bucket %q): the tree of pages loops", bucketName(bucket))})
		return
	}
	w.path = append(w.path, id)
	defer func() { w.path = w.path[:len(w.path)-1] }()
	var h pageHeader
	var head []byte // shape: the page's first bytes, read with its header
	var err error
	if w.full {
		h, err = w.f.header(id, pageBranch|pageLeaf)
	} else {
		// one buffer a level of the walk, reused: a leaf's first page is
		// read into it and done with before the walk goes on
		head, w.spare = w.spare, nil
		if head == nil {
			head = make([]byte, w.f.pageSize)
		}
		defer func() { w.spare = head }()
		h, err = w.f.headerAndTable(id, head)
	}
	if err != nil {
		w.problem(err, id)
		return
	}
	if !w.mark(id, h) {
		w.problems = append(w.problems, damage{id, fmt.Sprintf("reached twice (in bucket %q)", bucketName(bucket))})
		return
	}
	if !w.full && h.flags == pageLeaf {
		w.leafShape(id, h, head, bucket)
		return
	}
	b, err := w.f.body(id, h)
	if err != nil {
		w.problem(err, id)
		return
	}
	if err := checkElements(b, h); err != nil {
		w.problems = append(w.problems, damage{id, err.Error()})
		return
	}
	if w.visit != nil {
		w.visit(pageVisit{id: id, header: h, bucket: bucket, depth: depth})
	}
	le := binary.LittleEndian
	for i := range int(h.count) {
		e := b[pageHeaderSize+i*elementSize:]
		if h.flags == pageBranch {
			w.tree(le.Uint64(e[8:]), bucket, depth+1)
			continue
		}
		if le.Uint32(e[0:])&leafBucket == 0 {
			continue
		}
		off := pageHeaderSize + i*elementSize
		kpos := off + int(le.Uint32(e[4:]))
		key := b[kpos : kpos+int(le.Uint32(e[8:]))]
		val := b[kpos+len(key) : kpos+len(key)+int(le.Uint32(e[12:]))]
		w.bucket(val, append(append([]string(nil), bucket...), string(key)), id)
	}
}

// leafShape is tree's reading of a leaf page for shape: its element table
// (each element inside the page and its overflow), then the key and value
// of each bucket element, to walk the bucket.
func (w *walker) leafShape(id uint64, h pageHeader, b []byte, bucket []string) {
	size := (uint64(h.overflow) + 1) * uint64(w.f.pageSize)
	table := uint64(pageHeaderSize) + uint64(h.count)*elementSize
	if table > size {
		w.problems = append(w.problems, damage{id, fmt.Sprintf("%d elements do not fit in %d bytes", h.count, size)})
		return
	}
	base := int64(id) * w.f.pageSize
	if uint64(len(b)) < table {
		b = make([]byte, table)
		if err := w.f.readAt(b, base); err != nil {
			w.problems = append(w.problems, damage{id, "past the end of the file"})
			return
		}
	}
	le := binary.LittleEndian
	for i := range uint64(h.count) {
		off := pageHeaderSize + i*elementSize
		e := b[off:]
		kpos := off + uint64(le.Uint32(e[4:]))
		ksize, vsize := uint64(le.Uint32(e[8:])), uint64(le.Uint32(e[12:]))
		if kpos+ksize+vsize > size {
			w.problems = append(w.problems, damage{id, fmt.Sprintf("element %d reaches past the page", i)})
			return
		}
		if le.Uint32(e[0:])&leafBucket == 0 {
			continue
		}
		kv := make([]byte, ksize+vsize)
		if err := w.f.readAt(kv, base+int64(kpos)); err != nil {
			w.problems = append(w.problems, damage{id, "past the end of the file"})
			return
		}
		w.bucket(kv[ksize:], append(append([]string(nil), bucket...), string(kv[:ksize])), id)
	}
}

// bucket walks a nested bucket from its value in the parent's leaf.
func (w *walker) bucket(val []byte, name []string, parent uint64) {
	if len(name) > maxBucketDepth {
		w.problems = append(w.problems, damage{parent, fmt.Sprintf("buckets nested more than %d deep", maxBucketDepth)})
		return
	}
	if len(val) < bucketHeader {
		w.problems = append(w.problems, damage{parent, fmt.Sprintf("bucket %q has a value of %d bytes, too short for a bucket", bucketName(name), len(val))})
		return
	}
	root := binary.LittleEndian.Uint64(val)
	if root != 0 {
		w.tree(root, name, 0)
		return
	}
	// An inline bucket: a leaf page inside the value.
	p := val[bucketHeader:]
	if len(p) < pageHeaderSize {
		w.problems = append(w.problems, damage{parent, fmt.Sprintf("inline bucket %q is too short", bucketName(name))})
		return
	}
	le := binary.LittleEndian
	h := pageHeader{id: le.Uint64(p), flags: le.Uint16(p[8:]), count: le.Uint16(p[10:]), overflow: le.Uint32(p[12:])}
	if h.flags != pageLeaf {
		w.problems = append(w.problems, damage{parent, fmt.Sprintf("inline bucket %q is of kind %#x, not a leaf", bucketName(name), h.flags)})
		return
	}
	if err := checkElements(p, h); err != nil {
		w.problems = append(w.problems, damage{parent, fmt.Sprintf("inline bucket %q: %v", bucketName(name), err)})
		return
	}
	for i := range int(h.count) {
		e := p[pageHeaderSize+i*elementSize:]
		if le.Uint32(e[0:])&leafBucket != 0 {
			w.problems = append(w.problems, damage{parent, fmt.Sprintf("inline bucket %q holds a bucket, which bbolt never writes", bucketName(name))})
			return
		}
	}
}

// checkElements checks that a branch or leaf page's elements, keys and
// values lie inside its bytes b and that its keys are in order.
func checkElements(b []byte, h pageHeader) error {
	le := binary.LittleEndian
	if pageHeaderSize+int(h.count)*elementSize > len(b) {
		return fmt.Errorf("%d elements do not fit in %d bytes", h.count, len(b))
	}
	if h.count == 0 && h.flags == pageBranch {
		return errors.New("a branch page with no elements")
	}
	var prev []byte
	for i := range int(h.count) {
		off := pageHeaderSize + i*elementSize
		e := b[off:]
		var pos, ksize, vsize uint64
		if h.flags == pageBranch {
			pos, ksize = uint64(le.Uint32(e[0:])), uint64(le.Uint32(e[4:]))
		} else {
			pos, ksize, vsize = uint64(le.Uint32(e[4:])), uint64(le.Uint32(e[8:])), uint64(le.Uint32(e[12:]))
		}
		if uint64(off)+pos+ksize+vsize > uint64(len(b)) {
			return fmt.Errorf("element %d reaches past the page", i)
		}
		key := b[uint64(off)+pos : uint64(off)+pos+ksize]
		if i > 0 && string(key) <= string(prev) {
			return fmt.Errorf("element %d is out of key order", i)
		}
		prev = key
	}
	return nil
}

// bucketName writes a bucket path for messages.
func bucketName(path []string) string {
	if len(path) == 0 {
		return "(root)"
	}
	s := path[0]
	for _, p := range path[1:] {
		s += "/" + p
	}
	return s
}
