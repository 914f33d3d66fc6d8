//! The order of a build's work: all cores busy, the heaviest task first, and never more heavy
//! tasks side by side than the heaviest alone needs in memory.
//!
//! A heavy task is a typst compile: it holds its document's layout (several iterations of it)
//! and typst's cache until it ends, so for a large document it needs far more memory than
//! anything else. Each heavy task has a weight (the size of its typst source, which its memory
//! follows); heavy tasks start heaviest first, and one starts only while the weights in flight
//! plus its own stay within the budget: the heaviest weight, or `least_budget` when that is more
//! (small compiles side by side need little memory, and one at a time would leave a core idle). Light tasks (the other formats) fill the other
//! cores meanwhile. When no heavy task is in flight, `idle` runs with the heaviest weight that
//! ran since it last did (the caller frees typst's cache there after a large compile, so two
//! large documents never hold it at once).

use std::collections::VecDeque;
use std::sync::Mutex;

/// One unit of work: heavy ones (with their weight) are memory-bounded.
pub struct Task<T> {
    pub work: T,
    /// `Some(weight)` for a heavy task.
    pub heavy: Option<usize>,
}

/// Run every task with `run` on the rayon pool and return the results in task order; `idle`
/// runs whenever the last heavy task in flight has ended, with the heaviest weight since it last ran.
pub fn run<T: Sync, R: Send>(
    tasks: &[Task<T>],
    least_budget: usize,
    run: impl Fn(&T) -> R + Sync,
    idle: impl Fn(usize) + Sync,
) -> Vec<R> {
    let mut heavy: Vec<usize> = (0..tasks.len()).filter(|&i| tasks[i].heavy.is_some()).collect();
    // Heaviest first (taken from the end), in task order among equals.
    heavy.sort_by_key(|&i| (tasks[i].heavy, std::cmp::Reverse(i)));
    let threads = rayon::current_num_threads().max(1);
    let schedule = Schedule {
        tasks,
        capacity: heavy.last().and_then(|&i| tasks[i].heavy).unwrap_or(0).max(least_budget),
        results: tasks.iter().map(|_| Mutex::new(None)).collect(),
        state: Mutex::new(State {
            heavy,
            light: (0..tasks.len()).filter(|&i| tasks[i].heavy.is_none()).collect(),
            weight_in_flight: 0,
            heavy_in_flight: 0,
            heaviest_since_idle: 0,
            workers: threads,
        }),
        run: &run,
        idle: &idle,
        threads,
    };
    rayon::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|scope| schedule.worker(scope));
        }
    });
    schedule.results.into_iter().map(|r| r.into_inner().expect("result slot").expect("every task ran")).collect()
}

struct Schedule<'a, T, R> {
    tasks: &'a [Task<T>],
    /// The most weight that may be in flight at once.
    capacity: usize,
    results: Vec<Mutex<Option<R>>>,
    state: Mutex<State>,
    run: &'a (dyn Fn(&T) -> R + Sync),
    idle: &'a (dyn Fn(usize) + Sync),
    threads: usize,
}

struct State {
    /// The heavy tasks not yet started, lightest first (the next is taken from the end).
    heavy: Vec<usize>,
    /// The light tasks not yet started, in task order.
    light: VecDeque<usize>,
    /// The weights of the heavy tasks running now, summed, and how many they are.
    weight_in_flight: usize,
    heavy_in_flight: usize,
    /// The heaviest weight that ran since `idle` last did.
    heaviest_since_idle: usize,
    /// Workers running: at most one per thread of the pool.
    workers: usize,
}

#[derive(Clone, Copy)]
enum Next {
    Heavy(usize),
    Light(usize),
    /// Nothing this worker may start now: the heavy tasks left wait for one in flight.
    Stop,
}

impl<T: Sync, R: Send> Schedule<'_, T, R> {
    fn next(&self) -> Next {
        let mut s = self.state.lock().expect("schedule state");
        if let Some(&i) = s.heavy.last() {
            let w = self.tasks[i].heavy.unwrap_or(0);
            if s.heavy_in_flight == 0 || s.weight_in_flight + w <= self.capacity {
                s.heavy.pop();
                s.weight_in_flight += w;
                s.heavy_in_flight += 1;
                return Next::Heavy(i);
            }
        }
        match s.light.pop_front() {
            Some(i) => Next::Light(i),
            None => {
                // A stopped worker's thread is not lost: it helps the compiles in flight
                // (typst lays out pages in parallel on the same pool).
                s.workers -= 1;
                Next::Stop
            }
        }
    }

    fn worker<'s>(&'s self, scope: &rayon::Scope<'s>) {
        loop {
            let step = self.next();
            let i = match step {
                Next::Heavy(i) | Next::Light(i) => i,
                Next::Stop => return,
            };
            let result = (self.run)(&self.tasks[i].work);
            *self.results[i].lock().expect("result slot") = Some(result);
            if let Next::Heavy(_) = step {
                let mut s = self.state.lock().expect("schedule state");
                let weight = self.tasks[i].heavy.unwrap_or(0);
                s.weight_in_flight -= weight;
                s.heavy_in_flight -= 1;
                s.heaviest_since_idle = s.heaviest_since_idle.max(weight);
                if s.heavy_in_flight == 0 {
                    (self.idle)(s.heaviest_since_idle);
                    s.heaviest_since_idle = 0;
                }
                // Workers that stopped while this task held the budget start again.
                let restart = if s.heavy.is_empty() { 0 } else { self.threads - s.workers };
                s.workers += restart;
                drop(s);
                for _ in 0..restart {
                    scope.spawn(|scope| self.worker(scope));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn every_task_runs_once_and_results_keep_task_order() {
        let tasks: Vec<Task<usize>> =
            (0..40).map(|i| Task { work: i, heavy: (i % 3 == 0).then_some(i % 7 + 1) }).collect();
        let ran = AtomicUsize::new(0);
        let results = run(
            &tasks,
            0,
            |&i| {
                ran.fetch_add(1, Ordering::SeqCst);
                i * 10
            },
            |_| {},
        );
        assert_eq!(ran.load(Ordering::SeqCst), 40);
        assert_eq!(results, (0..40).map(|i| i * 10).collect::<Vec<_>>());
    }

    #[test]
    fn heavy_tasks_in_flight_stay_within_the_heaviest_weight() {
        let weights = [5, 1, 2, 3, 1, 4, 2];
        let tasks: Vec<Task<usize>> = weights.iter().map(|&w| Task { work: w, heavy: Some(w) }).collect();
        let in_flight = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let idle = AtomicUsize::new(0);
        let first = Mutex::new(None);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(4).build().expect("pool");
        pool.install(|| {
            run(
                &tasks,
                0,
                |&w| {
                    first.lock().unwrap().get_or_insert(w);
                    let now = in_flight.fetch_add(w, Ordering::SeqCst) + w;
                    most.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(5));
                    in_flight.fetch_sub(w, Ordering::SeqCst);
                },
                |_| {
                    assert_eq!(in_flight.load(Ordering::SeqCst), 0, "idle runs only with nothing heavy in flight");
                    idle.fetch_add(1, Ordering::SeqCst);
                },
            )
        });
        assert_eq!(*first.lock().unwrap(), Some(5), "the heaviest starts first");
        assert!(most.load(Ordering::SeqCst) <= 5);
        assert!(idle.load(Ordering::SeqCst) >= 1);
    }

    #[test]
    fn light_heavy_tasks_run_side_by_side_within_the_least_budget() {
        let tasks: Vec<Task<usize>> = (0..4).map(|w| Task { work: w, heavy: Some(10) }).collect();
        let in_flight = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().expect("pool");
        pool.install(|| {
            run(
                &tasks,
                20,
                |_| {
                    let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    in_flight.fetch_sub(1, Ordering::SeqCst);
                },
                |_| {},
            )
        });
        assert_eq!(most.load(Ordering::SeqCst), 2);
    }
}
