//! The listener registry behind a binding's `on` / `off` / `listenerCount`: listeners by
//! event name, in registration order, generic over how a binding holds a JS function.

use super::event::Event;
use std::fmt;

/// The events a memwatch monitor emits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventName {
    /// `"stats"`.
    Stats,
    /// `"leak"`.
    Leak,
}

impl EventName {
    /// Parses `"stats"` or `"leak"`.
    pub fn parse(name: &str) -> Result<EventName, UnknownEvent> {
        match name {
            "stats" => Ok(EventName::Stats),
            "leak" => Ok(EventName::Leak),
            other => Err(UnknownEvent(other.to_owned())),
        }
    }
}

impl Event {
    /// The name this event is emitted under.
    pub fn name(&self) -> EventName {
        match self {
            Event::Stats(_) => EventName::Stats,
            Event::Leak(_) => EventName::Leak,
        }
    }
}

/// An event name that is neither `"stats"` nor `"leak"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEvent(pub String);

impl fmt::Display for UnknownEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown event {:?}: expected \"stats\" or \"leak\"",
            self.0
        )
    }
}

impl std::error::Error for UnknownEvent {}

/// Listeners of type `L`, each registered for one event, kept in registration order.
#[derive(Debug, Clone)]
pub struct Listeners<L> {
    entries: Vec<(EventName, L)>,
}

impl<L> Default for Listeners<L> {
    fn default() -> Self {
        Listeners {
            entries: Vec::new(),
        }
    }
}

impl<L: Clone> Listeners<L> {
    /// Registers `listener` for `name`, after any already registered.
    pub fn add(&mut self, name: EventName, listener: L) {
        self.entries.push((name, listener));
    }

    /// Removes the first listener of `name` for which `is_it` says yes; returns whether
    /// one was removed. `is_it` may fail (a binding comparing JS values), which stops the search.
    pub fn remove_first<E>(
        &mut self,
        name: EventName,
        mut is_it: impl FnMut(&L) -> Result<bool, E>,
    ) -> Result<bool, E> {
        for index in 0..self.entries.len() {
            let (n, listener) = &self.entries[index];
            if *n == name && is_it(listener)? {
                self.entries.remove(index);
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// How many listeners `name` has.
    pub fn count(&self, name: EventName) -> usize {
        self.entries.iter().filter(|(n, _)| *n == name).count()
    }

    /// The listeners of `name`, copied, so that an emit is not disturbed by listeners
    /// added or removed while it calls them.
    pub fn of(&self, name: EventName) -> Vec<L> {
        self.entries
            .iter()
            .filter(|(n, _)| *n == name)
            .map(|(_, l)| l.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::convert::Infallible;

    #[test]
    fn names_parse_and_unknown_ones_say_what_was_expected() {
        assert_eq!(EventName::parse("stats"), Ok(EventName::Stats));
        assert_eq!(EventName::parse("leak"), Ok(EventName::Leak));
        let error = EventName::parse("nope").unwrap_err();
        assert_eq!(
            error.to_string(),
            r#"unknown event "nope": expected "stats" or "leak""#
        );
    }

    #[test]
    fn listeners_keep_order_and_remove_the_first_match_of_that_event_only() {
        let mut listeners = Listeners::default();
        listeners.add(EventName::Stats, 'a');
        listeners.add(EventName::Leak, 'b');
        listeners.add(EventName::Stats, 'b');
        listeners.add(EventName::Stats, 'a');
        assert_eq!(listeners.of(EventName::Stats), ['a', 'b', 'a']);
        assert_eq!(listeners.count(EventName::Leak), 1);
        assert_eq!(
            listeners.remove_first(EventName::Stats, |l| Ok::<_, Infallible>(*l == 'b')),
            Ok(true)
        );
        assert_eq!(listeners.of(EventName::Stats), ['a', 'a']);
        assert_eq!(listeners.of(EventName::Leak), ['b']);
        assert_eq!(
            listeners.remove_first(EventName::Leak, |l| Ok::<_, Infallible>(*l == 'a')),
            Ok(false)
        );
        assert_eq!(
            listeners.remove_first(EventName::Stats, |_| Err("compare failed")),
            Err("compare failed")
        );
    }
}
