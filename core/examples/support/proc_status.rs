//! Reading the kernel's memory figures of this process (`/proc/self/status`, Linux only),
//! shared by the peak-memory examples.

/// The `field` line of `/proc/self/status` (e.g. `VmHWM`, the peak resident set) in bytes.
pub fn status_bytes(field: &str) -> Result<u64, String> {
    let status = std::fs::read_to_string("/proc/self/status")
        .map_err(|e| format!("/proc/self/status (Linux only): {e}"))?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().strip_suffix("kB")?.trim().parse::<u64>().ok())
        .map(|kb| kb * 1024)
        .ok_or_else(|| format!("no {field} in /proc/self/status"))
}
