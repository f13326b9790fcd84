// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).

// The fssdk-java word counter for TinyGo users, written against Function Stream's Go SDK. It is the
// same operator as the native Java counter (examples/src/main/java/io/fssdk/examples/CounterOperator.java)
// and the C component (examples/guests/c/counter.c), and emits the same bytes:
//
//   - input and key_prefix are trimmed of ASCII whitespace only (strings.TrimSpace also trims Unicode
//     spaces, which the other two keep);
//   - a stored count is a strict decimal int64 ([+-]?[0-9]+); anything else counts as 0;
//   - the output is {"total_processed":N,"counter_map":{...}}, total_processed first, keys in unsigned
//     byte order, escaped as Jackson's writeValueAsBytes escapes them (encoding/json would sort
//     total_processed last, escape < > & and U+2028, and write characters beyond U+FFFF raw).
//
// Build it with TinyGo for the processor-runtime world (see README.md); it is not built here.
package main

import (
	"sort"
	"strconv"

	fssdk "github.com/functionstream/function-stream/go-sdk"
)

// The store the counts live in, as in Function Stream's Go example.
const storeName = "counter-store"

func init() {
	fssdk.Run(&Counter{})
}

// Counter counts words, one per record, in store "counter-store" under key_prefix + word.
type Counter struct {
	fssdk.BaseDriver
	store          fssdk.Store
	keyPrefix      string
	totalProcessed int64
	counts         map[string]int64
}

// Init opens the store and reads key_prefix; the per-instance totals start empty.
func (c *Counter) Init(ctx fssdk.Context, config map[string]string) error {
	store, err := ctx.GetOrCreateStore(storeName)
	if err != nil {
		return err
	}
	c.store = store
	c.keyPrefix = trimASCII(config["key_prefix"])
	c.totalProcessed = 0
	c.counts = make(map[string]int64)
	return nil
}

// Process adds one to the stored count of the (trimmed) word and emits the running totals on target 0.
func (c *Counter) Process(ctx fssdk.Context, sourceID uint32, data []byte) error {
	word := trimASCII(string(data))
	if word == "" || c.store == nil {
		return nil
	}
	c.totalProcessed++
	key := []byte(c.keyPrefix + word)
	stored, found, err := c.store.GetState(key)
	if err != nil {
		return err
	}
	var current int64
	if found {
		// ParseInt with base 10 accepts exactly [+-]?[0-9]+ within int64, as the other counters do.
		if n, perr := strconv.ParseInt(string(stored), 10, 64); perr == nil {
			current = n
		}
	}
	next := current + 1 // wraps at the int64 maximum, like Java's long
	c.counts[word] = next
	if err := c.store.PutState(key, []byte(strconv.FormatInt(next, 10))); err != nil {
		return err
	}
	return ctx.Emit(0, c.json())
}

// ProcessWatermark forwards the watermark to target 0.
func (c *Counter) ProcessWatermark(ctx fssdk.Context, sourceID uint32, watermark uint64) error {
	return ctx.EmitWatermark(0, watermark)
}

// Close forgets the per-instance totals and drops the store handle; the host keeps the store itself.
func (c *Counter) Close(ctx fssdk.Context) error {
	var err error
	if c.store != nil {
		err = c.store.Close()
	}
	c.store = nil
	c.counts = nil
	c.totalProcessed = 0
	c.keyPrefix = ""
	return err
}

// json writes {"total_processed":N,"counter_map":{...}} with the keys in unsigned byte order.
func (c *Counter) json() []byte {
	words := make([]string, 0, len(c.counts))
	for w := range c.counts {
		words = append(words, w)
	}
	sort.Strings(words) // Go compares strings byte by byte, unsigned
	out := make([]byte, 0, 64+24*len(words))
	out = append(out, `{"total_processed":`...)
	out = strconv.AppendInt(out, c.totalProcessed, 10)
	out = append(out, `,"counter_map":{`...)
	for i, w := range words {
		if i > 0 {
			out = append(out, ',')
		}
		out = appendJSONString(out, w)
		out = append(out, ':')
		out = strconv.AppendInt(out, c.counts[w], 10)
	}
	return append(out, '}', '}')
}

// appendJSONString escapes like Jackson's byte output: short escapes for " \ \n \r \t \b \f, \u00XX
// (upper-case hex) for other control bytes, a 4-byte UTF-8 character as an escaped surrogate pair, and
// every other byte (0x7F, '/', 2- and 3-byte UTF-8, stray bytes) raw.
func appendJSONString(out []byte, s string) []byte {
	out = append(out, '"')
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= 0xF0 && b <= 0xF4 && i+3 < len(s) && isCont(s[i+1]) && isCont(s[i+2]) && isCont(s[i+3]) {
			cp := uint32(b&7)<<18 | uint32(s[i+1]&63)<<12 | uint32(s[i+2]&63)<<6 | uint32(s[i+3]&63)
			if cp >= 0x10000 && cp <= 0x10FFFF {
				cp -= 0x10000
				out = appendEscapedUnit(out, 0xD800|cp>>10)
				out = appendEscapedUnit(out, 0xDC00|cp&0x3FF)
				i += 3
				continue
			}
		}
		switch b {
		case '"':
			out = append(out, '\\', '"')
		case '\\':
			out = append(out, '\\', '\\')
		case '\n':
			out = append(out, '\\', 'n')
		case '\r':
			out = append(out, '\\', 'r')
		case '\t':
			out = append(out, '\\', 't')
		case '\b':
			out = append(out, '\\', 'b')
		case '\f':
			out = append(out, '\\', 'f')
		default:
			if b < 0x20 {
				out = appendEscapedUnit(out, uint32(b))
			} else {
				out = append(out, b)
			}
		}
	}
	return append(out, '"')
}

func isCont(b byte) bool { return b&0xC0 == 0x80 }

// appendEscapedUnit writes \uXXXX with upper-case hex digits.
func appendEscapedUnit(out []byte, u uint32) []byte {
	const hex = "0123456789ABCDEF"
	return append(out, '\\', 'u', hex[u>>12&15], hex[u>>8&15], hex[u>>4&15], hex[u&15])
}

// trimASCII trims space, \t, \n, \v, \f and \r from both ends, and nothing else.
func trimASCII(s string) string {
	start, end := 0, len(s)
	for start < end && isSpace(s[start]) {
		start++
	}
	for end > start && isSpace(s[end-1]) {
		end--
	}
	return s[start:end]
}

func isSpace(b byte) bool { return b == ' ' || (b >= '\t' && b <= '\r') }

func main() {}
