//! The floor: probes written straight against Node-API with no macros (`lab.raw`), and
//! the overhead ladders that add napi-rs's work back one step at a time.

mod overhead;
mod overhead_method;
mod raw;
mod raw_counter;
