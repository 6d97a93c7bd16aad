//! The one error type of a refused call from JavaScript: which call, what was wrong with
//! it, and its wording, written once here so that both bindings throw the same message.
//! A binding maps [`CallError::class`] to the JS error class it throws (see each
//! binding's `src/error.rs`), and its `Display` is the message.

use crate::gc::{ConfigError, UnknownEvent};
use crate::snapshot::ParseError;
use std::fmt;

/// A refused call: the call as JavaScript writes it (`makeBytes(length)`) and what was wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct CallError {
    /// The call, with its parameter names, as the messages write it; empty where the
    /// message names the class instead (a spent or unconstructible handle, a malformed
    /// snapshot) or no call (an event name, refused alike by every `GcMonitor` method).
    pub call: &'static str,
    /// What was wrong.
    pub kind: CallErrorKind,
}

/// What was wrong with a call.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum CallErrorKind {
    /// A count above the most the call makes or keeps (past it, memory runs out and the
    /// process aborts).
    OverLimit {
        /// The parameter's name.
        argument: &'static str,
        /// The value given.
        value: u64,
        /// The largest value allowed.
        limit: u64,
    },
    /// A node id that no node of the snapshot has.
    NoSuchNode {
        /// The parameter's name.
        argument: &'static str,
        /// The id given.
        id: u64,
    },
    /// A number that must be finite and non-negative and is not (a TypeError, as the
    /// monitor has always thrown for a heap size that is no size at all).
    NotFiniteNonNegative {
        /// The parameter's name.
        argument: &'static str,
        /// The value given.
        value: f64,
    },
    /// A name the call does not know: a GC kind flag, a JsHolder mode, an event name.
    Unknown {
        /// What the name names (`GC kind`, `JsHolder mode`, `event`).
        what: &'static str,
        /// The value given, as the message writes it.
        value: String,
        /// Which values are known, as the message writes them.
        known: &'static str,
    },
    /// memwatch options that do not deserialize or do not validate.
    InvalidOptions {
        /// Why.
        reason: String,
    },
    /// `new` on a class whose objects only Rust makes.
    NotConstructible(Handle),
    /// A handle used after `free()`, or a parser after `finish()` or an error.
    Spent(Handle),
    /// `JsHolder.hold()` while it already holds a value.
    AlreadyHolds,
    /// `JsHolder.get()` while it holds nothing.
    HoldsNothing,
    /// A malformed heap snapshot, with its byte offset.
    Parse(ParseError),
}

/// The classes of objects the snapshot API hands out, for the errors about them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handle {
    /// `SnapshotParser`.
    SnapshotParser,
    /// `HeapSnapshot`.
    HeapSnapshot,
    /// `HeapSummary`.
    HeapSummary,
    /// `NodeIds`.
    NodeIds,
}

impl Handle {
    /// The class name.
    pub const fn name(self) -> &'static str {
        match self {
            Handle::SnapshotParser => "SnapshotParser",
            Handle::HeapSnapshot => "HeapSnapshot",
            Handle::HeapSummary => "HeapSummary",
            Handle::NodeIds => "NodeIds",
        }
    }

    /// Where objects of this class come from.
    const fn made_by(self) -> &'static str {
        match self {
            Handle::SnapshotParser => "new SnapshotParser()", // constructible: never refused
            Handle::HeapSnapshot => "SnapshotParser.finish()",
            Handle::HeapSummary => "HeapSnapshot.summarize()",
            Handle::NodeIds => "HeapSnapshot.nodeIds()",
        }
    }

    /// What has happened to an object of this class that holds no data any more.
    const fn spent_by(self) -> &'static str {
        match self {
            Handle::SnapshotParser => "finished or failed",
            Handle::HeapSnapshot | Handle::HeapSummary | Handle::NodeIds => "freed",
        }
    }
}

/// The JavaScript error class a refusal becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    /// A `TypeError`: a value of the wrong type or an unknown name.
    Type,
    /// A `RangeError`: the right type, out of range.
    Range,
    /// A plain `Error`: the call is fine but the object's state or the input data is not.
    Plain,
}

impl CallError {
    /// A refusal of `call` for `kind`.
    pub const fn new(call: &'static str, kind: CallErrorKind) -> CallError {
        CallError { call, kind }
    }

    /// Checks that `value` of `call`'s `argument` is at most `limit`.
    pub fn check_limit(call: &'static str, argument: &'static str, value: u64, limit: u64) -> Result<u64, CallError> {
        if value <= limit {
            Ok(value)
        } else {
            Err(CallError::new(call, CallErrorKind::OverLimit { argument, value, limit }))
        }
    }

    /// The JavaScript error class this refusal becomes.
    pub fn class(&self) -> ErrorClass {
        match self.kind {
            CallErrorKind::OverLimit { .. } | CallErrorKind::NoSuchNode { .. } => ErrorClass::Range,
            CallErrorKind::NotFiniteNonNegative { .. }
            | CallErrorKind::Unknown { .. }
            | CallErrorKind::InvalidOptions { .. }
            | CallErrorKind::NotConstructible(_) => ErrorClass::Type,
            CallErrorKind::Spent(_) | CallErrorKind::AlreadyHolds | CallErrorKind::HoldsNothing | CallErrorKind::Parse(_) => {
                ErrorClass::Plain
            }
        }
    }

    /// The refusal of any use of a spent `handle`.
    pub const fn spent(handle: Handle) -> CallError {
        CallError::new("", CallErrorKind::Spent(handle))
    }

    /// The refusal of `new` on `handle`'s class.
    pub const fn not_constructible(handle: Handle) -> CallError {
        CallError::new("", CallErrorKind::NotConstructible(handle))
    }

    /// The refusal of memwatch options for `reason` (no call named: `configure()` and
    /// `new GcMonitor()` both pass them on).
    pub fn invalid_options(reason: impl fmt::Display) -> CallError {
        CallError::new("", CallErrorKind::InvalidOptions { reason: reason.to_string() })
    }

}

impl From<ParseError> for CallError {
    fn from(error: ParseError) -> Self {
        CallError::new("", CallErrorKind::Parse(error))
    }
}

impl From<ConfigError> for CallError {
    fn from(error: ConfigError) -> Self {
        CallError::invalid_options(error)
    }
}

impl From<UnknownEvent> for CallError {
    fn from(error: UnknownEvent) -> Self {
        CallError::new("", CallErrorKind::Unknown { what: "event", value: format!("{:?}", error.0), known: "expected \"stats\" or \"leak\"" })
    }
}

impl fmt::Display for CallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.call.is_empty() {
            write!(f, "{}: ", self.call)?;
        }
        match &self.kind {
            CallErrorKind::OverLimit { argument, value, limit } => write!(f, "{argument} must be at most {limit}, got {value}"),
            CallErrorKind::NoSuchNode { argument, id } => write!(f, "{argument} must be the id of a node in this snapshot, got number {id}"),
            CallErrorKind::NotFiniteNonNegative { argument, value } => {
                write!(f, "{argument} must be a finite number >= 0, got {value}")
            }
            CallErrorKind::Unknown { what, value, known } => write!(f, "unknown {what} {value}: {known}"),
            CallErrorKind::InvalidOptions { reason } => write!(f, "invalid memwatch options: {reason}"),
            CallErrorKind::NotConstructible(handle) => {
                write!(f, "{} cannot be constructed directly; get one from {}", handle.name(), handle.made_by())
            }
            CallErrorKind::Spent(handle) => {
                write!(f, "{} was already {}: it holds no data any more", handle.name(), handle.spent_by())
            }
            CallErrorKind::AlreadyHolds => write!(f, "this JsHolder already holds a value: release() it first"),
            CallErrorKind::HoldsNothing => write!(f, "this JsHolder holds nothing: hold() a value first"),
            CallErrorKind::Parse(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for CallError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_name_the_call_the_argument_and_the_limit() {
        let error = CallError::check_limit("makeBytes(length)", "length", 5, 4).unwrap_err();
        assert_eq!(error.to_string(), "makeBytes(length): length must be at most 4, got 5");
        assert_eq!(error.class(), ErrorClass::Range);
        assert_eq!(CallError::check_limit("makeBytes(length)", "length", 4, 4), Ok(4));
    }

    #[test]
    fn each_kind_has_its_class_and_wording() {
        let cases = [
            (CallError::not_constructible(Handle::HeapSnapshot), ErrorClass::Type,
                "HeapSnapshot cannot be constructed directly; get one from SnapshotParser.finish()"),
            (CallError::spent(Handle::SnapshotParser), ErrorClass::Plain,
                "SnapshotParser was already finished or failed: it holds no data any more"),
            (CallError::spent(Handle::HeapSummary), ErrorClass::Plain,
                "HeapSummary was already freed: it holds no data any more"),
            (CallError::new("JsHolder.get()", CallErrorKind::HoldsNothing), ErrorClass::Plain,
                "JsHolder.get(): this JsHolder holds nothing: hold() a value first"),
            (CallError::from(UnknownEvent("x".into())), ErrorClass::Type, "unknown event \"x\": expected \"stats\" or \"leak\""),
            (CallError::invalid_options("unknown mode"), ErrorClass::Type, "invalid memwatch options: unknown mode"),
        ];
        for (error, class, message) in cases {
            assert_eq!((error.class(), error.to_string()), (class, message.to_owned()));
        }
    }
}
