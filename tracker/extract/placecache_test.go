package extract

import (
	"reflect"
	"sync"
	"testing"

	"github.com/tollproject/toll/tracker"
)

// TestPlaceCache: reports read by one Extractor on several goroutines,
// sharing its placeCache, give what each gives read alone with no cache.
func TestPlaceCache(t *testing.T) {
	texts := fuzzSeeds(t)
	opts := Options{Date: tracker.MustDate("2023-10-20")}
	alone := &Extractor{v: Default().v} // no placeCache
	want := make([]tracker.Extraction, len(texts))
	for i, text := range texts {
		want[i], _ = alone.Extract(text, opts)
	}
	shared := &Extractor{v: Default().v, places: newPlaceCache()}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range texts {
				i := (k + g*len(texts)/4) % len(texts)
				got, _ := shared.Extract(texts[i], opts)
				if !reflect.DeepEqual(got, want[i]) {
					t.Errorf("text %d read with the shared cache differs from the text read alone", i)
				}
			}
		}()
	}
	wg.Wait()
	if shared.places.n == 0 {
		t.Error("the cache kept no answer: the test checks nothing")
	}
}

// TestPlaceCacheBound: a full cache is emptied before it takes more.
func TestPlaceCacheBound(t *testing.T) {
	c := newPlaceCache()
	for i := 0; i < maxCachedPlaces; i++ {
		c.keepLookup(string(rune('a'+i%26))+string(rune(i)), placeAnswer{})
	}
	if c.n != maxCachedPlaces {
		t.Fatalf("n = %d, want %d", c.n, maxCachedPlaces)
	}
	c.keepRunPlaces("Gaza City", false, nil)
	if c.n != 1 || len(c.look) != 0 || len(c.runs[0]) != 1 {
		t.Errorf("after one more: n = %d, %d lookups, %d runs; want 1, 0, 1", c.n, len(c.look), len(c.runs[0]))
	}
	var none *placeCache
	none.keepLookup("Gaza", placeAnswer{ok: true})
	if _, ok := none.lookup("Gaza"); ok {
		t.Error("a nil cache kept an answer")
	}
}
