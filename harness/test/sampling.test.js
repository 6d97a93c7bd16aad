// The worker's sampling plan on made-up timings: the pilot reads a fake clock that each call
// advances by a chosen amount, so nothing here depends on how fast or loaded the machine is.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');

const load = () => import('../lib/sampling.mjs');

/** The default run's budget and --quick's (ns of timed calls per case). */
const BUDGETS = [80e6, 40e6];

/**
 * A fake call and the clock it advances: the i-th call (from 0) takes `cost(i)` ns, and
 * `advance(ns)` moves the clock outside any call. `calls()` counts the calls made; `args`
 * records what each call was given.
 */
function fakeCall(cost) {
  let time = 0;
  const args = [];
  return {
    clock: () => time,
    bench: (...given) => { time += cost(args.length); args.push(given); },
    advance: (ns) => { time += ns; },
    calls: () => args.length,
    args,
  };
}

test('the pilot ignores its warm-up loop and keeps the fastest later loop', async () => {
  const { roughTimePerCall, MAX_BATCH } = await load();
  const compiling = fakeCall((i) => (i === 0 ? 1e6 : 100));
  assert.equal(roughTimePerCall(compiling.bench, [], MAX_BATCH, compiling.clock), 100);
  // Calls 0…20 (the loops of 1, 4 and 16 calls) run in the interpreter at 1 µs, later ones at 50 ns.
  const interpreted = fakeCall((i) => (i <= 20 ? 1000 : 50));
  assert.equal(roughTimePerCall(interpreted.bench, [], MAX_BATCH, interpreted.clock), 50);
});

test('the pilot stops at the end of the loop that brings its total to 5 ms, or at the most calls allowed, and grows a loop only while it fits', async () => {
  const { roughTimePerCall, PILOT_NS, MAX_BATCH } = await load();
  assert.equal(PILOT_NS, 5e6);
  // Loops of 1 and 4 calls: 5 calls of 1 ms are exactly 5 ms, so it stops there.
  const exactly = fakeCall(() => 1e6);
  assert.equal(roughTimePerCall(exactly.bench, [], MAX_BATCH, exactly.clock), 1e6);
  assert.equal(exactly.calls(), 5);
  // Just under: one more loop, of 4 again, since one of 16 would overrun the 5 ms.
  const under = fakeCall(() => 1e6 - 1);
  roughTimePerCall(under.bench, [], MAX_BATCH, under.clock);
  assert.equal(under.calls(), 9);
  // A call slower than the whole pilot: the warm-up call and one more.
  const slow = fakeCall(() => 1e8);
  assert.equal(roughTimePerCall(slow.bench, [], MAX_BATCH, slow.clock), 1e8);
  assert.equal(slow.calls(), 2);
  // A 1 ns call never reaches 5 ms: loops of 1, 4 … 4,096 calls, then it stops.
  const fast = fakeCall(() => 1);
  assert.equal(roughTimePerCall(fast.bench, [], MAX_BATCH, fast.clock), 1);
  assert.equal(fast.calls(), 1 + 4 + 16 + 64 + 256 + 1024 + 4096);
  // A memory guard's smaller maximum ends the growth of the loops early: 1, 4, 16, 64, 100.
  const capped = fakeCall(() => 1);
  roughTimePerCall(capped.bench, [], 100, capped.clock);
  assert.equal(capped.calls(), 1 + 4 + 16 + 64 + 100);
});

test('the pilot makes fresh arguments for every call, outside the time it reads', async () => {
  const { roughTimePerCall, MAX_BATCH } = await load();
  const call = fakeCall(() => 200);
  let made = 0;
  // Each argument takes 1 ms to make, far longer than the call: none of it may count.
  const makers = [() => { call.advance(1e6); return ++made; }];
  assert.equal(roughTimePerCall(call.bench, makers, MAX_BATCH, call.clock), 200);
  assert.equal(made, call.calls());
  assert.deepEqual(call.args.slice(0, 3), [[1], [2], [3]]);
});

test('a slow call is timed in batches of a multiple of 4 below 4,096, with room for 48 samples in the budget', async () => {
  const { batchSize, TARGET_SAMPLES, UNROLL, MAX_BATCH } = await load();
  assert.deepEqual([TARGET_SAMPLES, UNROLL, MAX_BATCH], [48, 4, 4096]);
  // Summing 10k floats takes about 10 µs: with --quick's 40 ms, batches of 80 calls, 50 samples.
  assert.equal(batchSize(1e4, null, 40e6), 80);
  for (const budget of BUDGETS) {
    for (let ns = budget / (48 * 4096) * 1.001; ns <= budget / (48 * 4); ns *= 1.07) {
      const batch = batchSize(ns, null, budget);
      assert.ok(batch < 4096 && batch >= 4 && batch % 4 === 0, `${ns} ns: batch ${batch}`);
      assert.ok(budget / (batch * ns) >= 48, `${ns} ns: ${budget / (batch * ns)} samples of ${batch}`);
      assert.ok(budget / ((batch + 4) * ns) < 48, `${ns} ns: batch ${batch} is smaller than needed`);
    }
  }
});

test('a fast call is timed in batches of 4,096, at most 1,024 samples', async () => {
  const { samplingPlan } = await load();
  for (const budget of BUDGETS) {
    const fast = fakeCall(() => 1);
    assert.deepEqual(samplingPlan({ bench: fast.bench, makers: [], resultBytes: 0, budgetNs: budget, clock: fast.clock }),
      { guard: null, batch: 4096, maxSamples: 1024 });
  }
});

test('batch sizes at their boundaries: 4,096 up to exactly 48 samples of it, 4 at the least', async () => {
  const { batchSize } = await load();
  const budget = 48 * 4096 * 200; // 200 ns a call fills it with exactly 48 samples of 4,096
  assert.equal(batchSize(200, null, budget), 4096);
  assert.equal(batchSize(200.01, null, budget), 4092);
  assert.equal(batchSize(1, null, budget), 4096);
  // 4 calls a sample take 1/48 of the budget at 4,096 × 200 / 4 ns a call; slower still stays at 4.
  assert.equal(batchSize(204800, null, budget), 4);
  assert.equal(batchSize(204801, null, budget), 4);
  assert.equal(batchSize(102400, null, budget), 8);
  assert.equal(batchSize(1e9, null, budget), 4);
});

test('calls that return data are held to 512 MiB alive in one sample run', async () => {
  const { memoryGuard, batchSize, samplingPlan, MEMORY_BUDGET } = await load();
  assert.equal(MEMORY_BUDGET, 512 * 2 ** 20);
  assert.equal(memoryGuard(0), null);
  // 1 MiB results: 512 fit, so 12 samples (mitata's least) of 40 calls.
  const guard = memoryGuard(2 ** 20);
  assert.deepEqual(guard, { resultBytes: 2 ** 20, batch: 40, maxSamples: 12 });
  assert.equal(batchSize(1, guard, 40e6), 40, 'the guard caps even a fast call');
  assert.equal(batchSize(1e5, guard, 40e6), 8, 'and the budget a slow one');
  // 16 B results: the guard allows mitata's 4,096 calls and 8,192 samples; the plan's cap is 1,024.
  assert.deepEqual(memoryGuard(16), { resultBytes: 16, batch: 4096, maxSamples: 8192 });
  const small = fakeCall(() => 1);
  assert.equal(samplingPlan({ bench: small.bench, makers: [], resultBytes: 16, budgetNs: 40e6, clock: small.clock }).maxSamples, 1024);
  // 256 MiB results: only 2 fit, but mitata takes 12 samples of at least 4 calls whatever it is told.
  assert.deepEqual(memoryGuard(2 ** 28), { resultBytes: 2 ** 28, batch: 4, maxSamples: 12 });
  // The pilot itself stays within the guard: loops of 1, 4, 16 and then 40 calls.
  const call = fakeCall(() => 1);
  assert.deepEqual(samplingPlan({ bench: call.bench, makers: [], resultBytes: 2 ** 20, budgetNs: 40e6, clock: call.clock }),
    { guard, batch: 40, maxSamples: 12 });
  assert.equal(call.calls(), 1 + 4 + 16 + 40);
});

test('the plan sizes batches from the pilot\'s estimate and the budget it is given', async () => {
  const { samplingPlan } = await load();
  const slow = fakeCall((i) => (i === 0 ? 5e6 : 1e4));
  assert.deepEqual(samplingPlan({ bench: slow.bench, makers: [], resultBytes: 0, budgetNs: 80e6, clock: slow.clock }),
    { guard: null, batch: 164, maxSamples: 1024 });
});

test('a case whose first call took the whole pilot\'s time or more is planned without a pilot', async () => {
  const { samplingPlan, PILOT_NS, UNROLL } = await load();
  const slow = fakeCall(() => 6e7);
  for (const clockResolutionNs of [0, 5e3]) {
    assert.deepEqual(samplingPlan({ bench: slow.bench, makers: [], resultBytes: 0, budgetNs: 80e6, clock: slow.clock, clockResolutionNs, firstCallNs: 6e7 }),
      { guard: null, batch: UNROLL, maxSamples: 1024 });
  }
  assert.equal(slow.calls(), 0);
  // Just under the pilot's time, the pilot runs.
  samplingPlan({ bench: slow.bench, makers: [], resultBytes: 0, budgetNs: 80e6, clock: slow.clock, firstCallNs: PILOT_NS - 1 });
  assert.equal(slow.calls(), 2);
});

/** `fakeCall(cost)` read through a clock that ticks every `resolution` ns, as a page's performance.now() does. */
function coarseCall(cost, resolution) {
  const call = fakeCall(cost);
  return { ...call, clock: () => Math.floor(call.clock() / resolution) * resolution };
}

test('on a 5 µs clock the pilot grows its loops until one lasts 50 ticks, and sizes 250 µs samples, beyond 4,096 calls', async () => {
  const { roughTimePerCall, samplingPlan, MIN_SAMPLE_TICKS, MAX_COARSE_PILOT_CALLS } = await load();
  assert.equal(MIN_SAMPLE_TICKS, 50);
  // 2 ns a call: the loop of 262,144 calls (524 µs) is the first of 50 ticks or more; read as
  // 520 µs, it counts as 525 µs, a tick more.
  const fast = coarseCall(() => 2, 5e3);
  assert.equal(roughTimePerCall(fast.bench, [], MAX_COARSE_PILOT_CALLS, fast.clock, 5e3), 525e3 / 262144);
  const planned = coarseCall(() => 2, 5e3);
  const plan = samplingPlan({ bench: planned.bench, makers: [], resultBytes: 0, budgetNs: 40e6, clock: planned.clock, clockResolutionNs: 5e3 });
  // Samples of 50 ticks (250 µs) of 2 ns calls, give or take the tick the upper bound adds.
  assert.ok(plan.batch * 2 >= 245e3 && plan.batch * 2 <= 2 * 250e3, `batch ${plan.batch}`);
  // The fine clock's plan for the same call stays at mitata's 4,096.
  const fine = fakeCall(() => 2);
  assert.equal(samplingPlan({ bench: fine.bench, makers: [], resultBytes: 0, budgetNs: 40e6, clock: fine.clock }).batch, 4096);
});

test('on a coarse clock the pilot repeats loops that are long enough, so a JIT that speeds up later is seen', async () => {
  const { roughTimePerCall, MAX_COARSE_PILOT_CALLS } = await load();
  // The first 5,000 calls run in the interpreter at 100 ns, later ones at 4 ns.
  const jit = coarseCall((i) => (i < 5000 ? 100 : 4), 5e3);
  const estimate = roughTimePerCall(jit.bench, [], MAX_COARSE_PILOT_CALLS, jit.clock, 5e3);
  assert.ok(estimate < 4.1, `estimate ${estimate} ns`);
});

test('on a coarse clock the memory guard still caps the batch, and a clock that never moves still ends the pilot', async () => {
  const { batchSize, samplingPlan, MAX_PILOT_LOOPS, memoryGuard } = await load();
  assert.equal(batchSize(1, null, 40e6, 5e3), 250e3 / 4 * 4);
  assert.equal(batchSize(1, memoryGuard(2 ** 20), 40e6, 5e3), 40);
  // A clock that never moves: the warm-up loop, then 16 more (4, 16, and the guard's 40 calls).
  const frozen = fakeCall(() => 1);
  const plan = samplingPlan({ bench: frozen.bench, makers: [], resultBytes: 2 ** 20, budgetNs: 40e6, clock: () => 0, clockResolutionNs: 5e3 });
  assert.equal(plan.batch, 40);
  assert.equal(frozen.calls(), 1 + 4 + 16 + 40 * (MAX_PILOT_LOOPS - 2));
});

test('on a coarse clock a batch the pilot sized too small is doubled until a loop of it lasts 50 ticks', async () => {
  const { widenForClock, MAX_WIDENINGS, MAX_COARSE_BATCH } = await load();
  // 10 ns a call, sized at 1,000 calls (10 µs, 2 ticks): 32,000 calls are the first to last 250 µs.
  const call = coarseCall(() => 10, 5e3);
  assert.equal(widenForClock(call.bench, [], 1000, MAX_COARSE_BATCH, call.clock, 5e3), 32000);
  // Never beyond the cap given, and at most MAX_WIDENINGS doublings on a clock that never moves.
  const capped = coarseCall(() => 10, 5e3);
  assert.equal(widenForClock(capped.bench, [], 1000, 3000, capped.clock, 5e3), 3000);
  const frozen = fakeCall(() => 1);
  assert.equal(widenForClock(frozen.bench, [], 4, MAX_COARSE_BATCH, () => 0, 5e3), 4 * 2 ** MAX_WIDENINGS);
});

test('on a clock that never moves the plan stays within MAX_COARSE_BATCH calls a sample', async () => {
  const { samplingPlan, MAX_COARSE_BATCH } = await load();
  assert.equal(MAX_COARSE_BATCH, 2 ** 20);
  let calls = 0;
  const plan = samplingPlan({ bench: () => { calls++; }, makers: [], resultBytes: 0, budgetNs: 40e6, clock: () => 0, clockResolutionNs: 5e3 });
  assert.equal(plan.batch, MAX_COARSE_BATCH);
  assert.ok(calls > 0);
});

test('an awaited call gets no pilot: batches of 4, the sample cap, the memory guard', async () => {
  const { awaitedPlan, memoryGuard } = await load();
  assert.deepEqual(awaitedPlan(0), { guard: null, batch: 4, maxSamples: 1024 });
  assert.deepEqual(awaitedPlan(2 ** 28), { guard: memoryGuard(2 ** 28), batch: 4, maxSamples: 12 });
});
