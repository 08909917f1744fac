//! Parallel work with results delivered in input order, as they become ready.
//!
//! A hashing tool is expected to print in the order it was given its files, and to start
//! printing at once rather than after the last file. Inputs are pulled lazily (a directory of
//! millions of files is never listed in memory), worked on by a rayon pool, and handed to a sink
//! in input order; at most `window` inputs are in flight or waiting to be printed, so memory
//! stays bounded however slow one file is.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Condvar, Mutex, PoisonError};

/// One input: work to do on the pool, or an outcome already known (an error while listing).
pub enum Input<T, R> {
    /// To be handed to the work function.
    Work(T),
    /// Passed to the sink as it is, in its place in the order.
    Ready(R),
}

/// Receives the outcomes in input order.
pub trait Sink<R> {
    /// The next outcome. `Break` stops the run: no new input is started.
    fn item(&mut self, outcome: R) -> ControlFlow<()>;
    /// Nothing more is ready for now: a good moment to flush.
    fn idle(&mut self) -> ControlFlow<()>;
}

/// Runs `work` on `threads` threads over `inputs`, delivering outcomes to `sink` in order.
pub fn run<T, R>(
    inputs: impl Iterator<Item = Input<T, R>>,
    threads: usize,
    work: impl Fn(T) -> R + Sync,
    sink: &mut (impl Sink<R> + Send),
) -> Result<(), rayon::ThreadPoolBuildError>
where
    T: Send,
    R: Send,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("hash-{i}"))
        .build()?;
    // Enough to keep every thread busy while one slow file holds up the printing.
    let gate = Gate::new(threads * 4 + 16);
    let stopped = AtomicBool::new(false);
    let (sender, receiver) = mpsc::channel::<(usize, R)>();

    std::thread::scope(|scope| {
        let (gate, stopped) = (&gate, &stopped);
        scope.spawn(move || deliver(receiver, sink, gate, stopped));
        let work = &work;
        pool.in_place_scope_fifo(|tasks| {
            for (index, input) in inputs.enumerate() {
                if stopped.load(Ordering::Relaxed) {
                    break;
                }
                gate.enter();
                match input {
                    Input::Ready(outcome) => {
                        let _ = sender.send((index, outcome));
                    }
                    Input::Work(job) => {
                        let sender = sender.clone();
                        tasks.spawn_fifo(move |_| {
                            let outcome = work(job);
                            // The receiver only goes away once every sender has.
                            let _ = sender.send((index, outcome));
                        });
                    }
                }
            }
        });
        drop(sender);
    });
    Ok(())
}

/// The delivering thread: reorders and hands outcomes to the sink.
fn deliver<R>(
    receiver: mpsc::Receiver<(usize, R)>,
    sink: &mut impl Sink<R>,
    gate: &Gate,
    stopped: &AtomicBool,
) {
    let mut waiting = BTreeMap::new();
    let mut next = 0usize;
    while let Ok((index, outcome)) = receiver.recv() {
        waiting.insert(index, outcome);
        while let Some(outcome) = waiting.remove(&next) {
            next += 1;
            gate.leave();
            if !stopped.load(Ordering::Relaxed) && sink.item(outcome).is_break() {
                stopped.store(true, Ordering::Relaxed);
            }
        }
        if !stopped.load(Ordering::Relaxed) && sink.idle().is_break() {
            stopped.store(true, Ordering::Relaxed);
        }
    }
}

/// A counting gate: at most `capacity` inputs between `enter` and `leave`.
struct Gate {
    inside: Mutex<usize>,
    changed: Condvar,
    capacity: usize,
}

impl Gate {
    fn new(capacity: usize) -> Self {
        Gate {
            inside: Mutex::new(0),
            changed: Condvar::new(),
            capacity,
        }
    }

    fn enter(&self) {
        let mut inside = self.inside.lock().unwrap_or_else(PoisonError::into_inner);
        while *inside >= self.capacity {
            inside = self
                .changed
                .wait(inside)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *inside += 1;
    }

    fn leave(&self) {
        let mut inside = self.inside.lock().unwrap_or_else(PoisonError::into_inner);
        *inside = inside.saturating_sub(1);
        self.changed.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Collect {
        items: Vec<u64>,
        stop_after: Option<usize>,
    }

    impl Sink<u64> for Collect {
        fn item(&mut self, outcome: u64) -> ControlFlow<()> {
            self.items.push(outcome);
            match self.stop_after {
                Some(n) if self.items.len() >= n => ControlFlow::Break(()),
                _ => ControlFlow::Continue(()),
            }
        }
        fn idle(&mut self) -> ControlFlow<()> {
            ControlFlow::Continue(())
        }
    }

    #[test]
    fn outcomes_come_in_input_order_whatever_the_timing() {
        let inputs = (0..500u64).map(|i| {
            if i % 7 == 0 {
                Input::Ready(i * 10)
            } else {
                Input::Work(i)
            }
        });
        let mut sink = Collect {
            items: Vec::new(),
            stop_after: None,
        };
        run(
            inputs,
            4,
            |i: u64| {
                // Uneven work so that later inputs often finish first.
                std::thread::sleep(std::time::Duration::from_micros((i * 37) % 500));
                i * 10
            },
            &mut sink,
        )
        .unwrap();
        let expected: Vec<u64> = (0..500).map(|i| i * 10).collect();
        assert_eq!(sink.items, expected);
    }

    #[test]
    fn a_stopping_sink_stops_the_inputs() {
        let pulled = std::sync::atomic::AtomicUsize::new(0);
        let inputs = (0..1_000_000u64).map(|i| {
            pulled.fetch_add(1, Ordering::Relaxed);
            Input::Work(i)
        });
        let mut sink = Collect {
            items: Vec::new(),
            stop_after: Some(10),
        };
        run(inputs, 2, |i: u64| i, &mut sink).unwrap();
        assert_eq!(sink.items, (0..10).collect::<Vec<_>>());
        assert!(pulled.load(Ordering::Relaxed) < 1000);
    }
}
