package gqlhttp

import "sync"

// memoryBudget bounds the memory the GraphQL requests in flight build their answers in,
// all together: each request reserves its estimate (requestCost.Memory) before it runs
// and gives it back when its answer is written. A request that does not fit is refused
// at once with 503 and Retry-After, never queued; one request alone is always let in
// (its own size is bounded by Limits.MaxRequestMemory).
type memoryBudget struct {
	mu         sync.Mutex
	used, size int64
}

// DefaultMemoryBudget is the memory in flight the service allows by default: three
// requests at the per-request budget, so that with the caches and the collector's
// headroom the process stays under a gigabyte.
const DefaultMemoryBudget = 384 << 20

// minReservation is what the smallest request reserves (its parsing, context, buffers).
const minReservation = 64 << 10

// newMemoryBudget returns a budget of size bytes (DefaultMemoryBudget when 0).
func newMemoryBudget(size int64) *memoryBudget {
	if size <= 0 {
		size = DefaultMemoryBudget
	}
	return &memoryBudget{size: size}
}

func (b *memoryBudget) reserve(n int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.used > 0 && b.used+n > b.size {
		return false
	}
	b.used += n
	return true
}

func (b *memoryBudget) release(n int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.used -= n
}

// InUse reports the bytes reserved now and the size of the budget.
func (b *memoryBudget) InUse() (used, size int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.used, b.size
}
