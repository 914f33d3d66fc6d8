//! What the benchmarks share.

use std::time::{Duration, Instant};

/// Run `f` once to warm up, then `runs` times, and print min, median and max wall time.
pub fn measure(label: &str, runs: usize, mut f: impl FnMut()) {
    f(); // warm-up: fonts loaded, typst caches primed
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "{label:<44} min {:>7.1} ms   median {:>7.1} ms   max {:>7.1} ms   ({runs} runs)",
        times[0].as_secs_f64() * 1e3,
        times[runs / 2].as_secs_f64() * 1e3,
        times[runs - 1].as_secs_f64() * 1e3
    );
}
