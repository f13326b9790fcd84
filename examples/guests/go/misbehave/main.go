// Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).

// The Go twin of examples/guests/c/misbehave.c, for the host's failure tests. It counts each input in
// store "misbehave" under the raw input and emits "<input>=<count>", except for the commands: "trap"
// returns an error before touching the store (the SDK panics, which traps the call), "loop" spins
// forever, "grow" allocates until memory runs out, "unhealthy" makes only the next heartbeat report
// false, and "gc:N" allocates and drops N MiB in small pieces (garbage-collector pressure, with
// cabi_realloc called in between by the host's store calls).
package main

import (
	"errors"
	"strconv"
	"strings"

	fssdk "github.com/functionstream/function-stream/go-sdk"
)

func init() {
	fssdk.Run(&misbehave{})
}

type misbehave struct {
	fssdk.BaseDriver
	store     fssdk.Store
	unhealthy bool
}

var hoard [][]byte // reachable, so the collector cannot free it

func (m *misbehave) Init(ctx fssdk.Context, _ map[string]string) error {
	s, err := ctx.GetOrCreateStore("misbehave")
	m.store = s
	return err
}

func (m *misbehave) Process(ctx fssdk.Context, _ uint32, data []byte) error {
	cmd := string(data)
	switch {
	case cmd == "trap":
		return errors.New("misbehave: trap requested")
	case cmd == "loop":
		for {
		}
	case cmd == "grow":
		for {
			hoard = append(hoard, make([]byte, 1<<20))
		}
	case cmd == "unhealthy":
		m.unhealthy = true
		return nil
	case strings.HasPrefix(cmd, "gc:"):
		mib, _ := strconv.Atoi(cmd[3:])
		var sink []byte
		for i := 0; i < mib*256; i++ {
			sink = make([]byte, 4096)
			sink[0] = byte(i)
		}
		_ = sink
	}
	stored, found, err := m.store.GetState(data)
	if err != nil {
		return err
	}
	count := int64(1)
	if found {
		n, _ := strconv.ParseInt(string(stored), 10, 64)
		count = n + 1
	}
	if err := m.store.PutState(data, []byte(strconv.FormatInt(count, 10))); err != nil {
		return err
	}
	return ctx.Emit(0, []byte(cmd+"="+strconv.FormatInt(count, 10)))
}

func (m *misbehave) CheckHeartbeat(fssdk.Context) bool {
	healthy := !m.unhealthy
	m.unhealthy = false
	return healthy
}

func main() {}
