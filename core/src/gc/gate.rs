//! memwatch ignores collections that happen while a HeapDiff snapshot is being taken
//! (taking a snapshot forces several). Node reports GCs to a `PerformanceObserver`
//! only after the snapshot has finished, so "paused right now" is not enough: the gate
//! remembers the paused intervals and drops the records whose time falls inside one.

/// The intervals during which collections are ignored.
#[derive(Debug, Clone, Default)]
pub(crate) struct SnapshotGate {
    /// Closed intervals `[start, end]` in ms since the Unix epoch, in time order.
    closed: Vec<(f64, f64)>,
    /// The start of the interval still open, if paused.
    open: Option<f64>,
}

impl SnapshotGate {
    /// Starts ignoring collections that end at or after `at_ms`. Pausing while already
    /// paused keeps the earlier start.
    pub(crate) fn pause(&mut self, at_ms: f64) {
        if self.open.is_none() {
            self.open = Some(at_ms);
        }
    }

    /// Stops ignoring collections that end after `at_ms`. Resuming while not paused
    /// does nothing.
    pub(crate) fn resume(&mut self, at_ms: f64) {
        if let Some(start) = self.open.take() {
            self.closed.push((start, at_ms));
        }
    }

    /// Whether a collection that ended at `time_ms` counts. Records arrive in time order,
    /// so intervals that ended before `time_ms` are forgotten.
    pub(crate) fn admits(&mut self, time_ms: f64) -> bool {
        self.closed.retain(|&(_, end)| end >= time_ms);
        let in_closed = self
            .closed
            .iter()
            .any(|&(start, end)| start <= time_ms && time_ms <= end);
        let in_open = self.open.is_some_and(|start| start <= time_ms);
        !(in_closed || in_open)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_records_inside_paused_intervals_delivered_later() {
        let mut gate = SnapshotGate::default();
        assert!(gate.admits(5.0));
        gate.pause(10.0);
        gate.resume(20.0);
        gate.pause(30.0);
        gate.resume(40.0);
        // The observer delivers these after both snapshots ended.
        assert!(gate.admits(9.0));
        assert!(!gate.admits(10.0));
        assert!(!gate.admits(20.0));
        assert!(gate.admits(25.0));
        assert!(!gate.admits(35.0));
        assert!(gate.admits(41.0));
    }

    #[test]
    fn an_open_pause_ignores_everything_after_it() {
        let mut gate = SnapshotGate::default();
        gate.resume(1.0);
        gate.pause(10.0);
        gate.pause(15.0);
        assert!(gate.admits(9.0));
        assert!(!gate.admits(12.0));
        assert!(!gate.admits(1e15));
        gate.resume(20.0);
        assert!(gate.admits(21.0));
    }
}
