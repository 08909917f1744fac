//! The StopNCII hash-exchange API, as python-threatexchange's `StopNCIIAPI` speaks it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// A name that is not one of the enumeration's values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} {value:?}")]
pub struct UnknownName {
    /// Which enumeration (e.g. "signal type").
    pub kind: &'static str,
    /// The name given.
    pub value: String,
}

/// Declares a string enumeration with its wire names. Parsing also accepts the name prefixed by a
/// Python enum class (`StopNCIISignalType.ImagePDQ`), because python-threatexchange's
/// `submit_hashes` sends `str(signal_type)`, which has that form.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident, $kind:literal, { $($(#[$vmeta:meta])* $variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name on the wire.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $wire),+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownName;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                let bare = text.rsplit('.').next().unwrap_or(text);
                match bare {
                    $($wire => Ok($name::$variant),)+
                    _ => Err(UnknownName { kind: $kind, value: text.to_string() }),
                }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

wire_enum!(
    /// What a hash value represents.
    SignalType, "signal type", {
        /// Unknown.
        Unknown = "Unknown",
        /// A 256-bit PDQ image hash, 64 hexadecimal digits.
        ImagePdq = "ImagePDQ",
        /// MD5 of a video file's bytes, 32 hexadecimal digits.
        VideoMd5 = "VideoMD5",
        /// TMK video hash (not distributed by Empreinte).
        VideoTmk = "VideoTMK",
        /// Text (not distributed by Empreinte).
        Text = "Text",
        /// URL (not distributed by Empreinte).
        Url = "URL",
    }
);

wire_enum!(
    /// Status of a hash (`hashStatus`) or of one case holding it (`caseNumbers` values).
    ///
    /// Empreinte sends `Active` for a distributed hash, `Withdrawn` when every case that held it
    /// was withdrawn (a tombstone: delete it), and `Deleted` when the operator took it out of
    /// distribution (quarantine or negative bank: delete it too).
    HashStatus, "hash status", {
        /// Unknown.
        Unknown = "Unknown",
        /// Received, not yet distributed (StopNCII's initial state; not used by Empreinte).
        Received = "Received",
        /// Distributed: match against it.
        Active = "Active",
        /// Withdrawn by the person(s): delete it.
        Withdrawn = "Withdrawn",
        /// Removed by the operator: delete it.
        Deleted = "Deleted",
    }
);

wire_enum!(
    /// What a platform (content service provider) says about a hash.
    FeedbackValue, "feedback value", {
        /// Unknown.
        Unknown = "Unknown",
        /// A tag without a state.
        None = "None",
        /// Quality of the hash unknown.
        QualityUnknown = "QualityUnknown",
        /// There was a match; review pending.
        PendingReview = "PendingReview",
        /// Match reviewed: the content was NCII and was blocked.
        Blocked = "Blocked",
        /// Match reviewed: the content was not blocked (not NCII, or inconclusive).
        NotBlocked = "NotBlocked",
        /// Withdrawn.
        Withdrawn = "Withdrawn",
        /// Deleted.
        Deleted = "Deleted",
    }
);

/// One platform's feedback on a hash, inside a [`HashRecord`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CspFeedback {
    /// The platform's public name.
    #[serde(default)]
    pub source: String,
    /// What it reported.
    #[serde(rename = "feedbackValue")]
    pub feedback_value: FeedbackValue,
    /// Free tags.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// One record of the feed: the whole current snapshot of a hash. A later record with the same
/// signal type and value replaces an earlier one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HashRecord {
    /// When the hash last changed, in seconds since the Unix epoch.
    #[serde(rename = "lastModtimestamp")]
    pub last_mod_timestamp: i64,
    /// What the value is.
    #[serde(rename = "signalType")]
    pub signal_type: SignalType,
    /// The hash, lowercase hexadecimal.
    #[serde(rename = "hashValue")]
    pub hash_value: String,
    /// Aggregate status.
    #[serde(rename = "hashStatus")]
    pub hash_status: HashStatus,
    /// Opaque per-case ids (never the case number a person holds) and each case's status.
    #[serde(rename = "caseNumbers", default)]
    pub case_numbers: BTreeMap<String, HashStatus>,
    /// Every platform's latest feedback on this hash.
    #[serde(rename = "CSPFeedbacks", default)]
    pub csp_feedbacks: Vec<CspFeedback>,
}

/// Answer of `GET /v1/FetchHashes`.
///
/// Clients page with `nextPageToken` while `hasMoreRecords`, then keep `nextSetTimestamp` as the
/// checkpoint to send as `startTimestamp` next time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FetchHashesResponse {
    /// Number of records in this page.
    pub count: usize,
    /// Token of the next page (opaque).
    #[serde(rename = "nextPageToken")]
    pub next_page_token: Option<String>,
    /// Checkpoint to resume from with `startTimestamp`.
    #[serde(rename = "nextSetTimestamp")]
    pub next_set_timestamp: i64,
    /// Whether another page follows now.
    #[serde(rename = "hasMoreRecords")]
    pub has_more_records: bool,
    /// The records.
    #[serde(rename = "hashRecords")]
    pub hash_records: Vec<HashRecord>,
}

/// One feedback of `POST /v1/SubmitFeedback`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HashFeedback {
    /// The hash the feedback is about.
    #[serde(rename = "hashValue")]
    pub hash_value: String,
    /// Its signal type; python-threatexchange does not send it, so it is inferred from the
    /// value's length when absent.
    #[serde(
        rename = "signalType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub signal_type: Option<SignalType>,
    /// What the platform reports.
    #[serde(rename = "feedbackValue")]
    pub feedback_value: FeedbackValue,
    /// Free tags.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// Body of `POST /v1/SubmitFeedback`: `{"count", "hashFeedbacks": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmitFeedbackRequest {
    /// Number of feedbacks (informative).
    #[serde(default)]
    pub count: Option<i64>,
    /// The feedbacks.
    #[serde(rename = "hashFeedbacks")]
    pub hash_feedbacks: Vec<HashFeedback>,
}

/// Feedback attached to a submitted hash (no source: it is the caller).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmittedFeedback {
    /// What the platform reports.
    #[serde(rename = "feedbackValue")]
    pub feedback_value: FeedbackValue,
    /// Free tags.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// One hash of `POST /v1/SubmitHashes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmittedHash {
    /// Client time of submission (informative).
    #[serde(rename = "lastModtimestamp", default)]
    pub last_mod_timestamp: Option<i64>,
    /// What the value is.
    #[serde(rename = "signalType")]
    pub signal_type: SignalType,
    /// The hash.
    #[serde(rename = "hashValue")]
    pub hash_value: String,
    /// The submitting platform's feedback.
    #[serde(rename = "CSPFeedbacks", default)]
    pub csp_feedbacks: Vec<SubmittedFeedback>,
}

/// Body of `POST /v1/SubmitHashes`: `{"count", "hashRecords": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmitHashesRequest {
    /// Number of hashes (informative).
    #[serde(default)]
    pub count: Option<i64>,
    /// The hashes.
    #[serde(rename = "hashRecords")]
    pub hash_records: Vec<SubmittedHash>,
}

/// Answer of `SubmitFeedback` and `SubmitHashes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SubmitResponse {
    /// Entries applied.
    pub count: usize,
    /// Entries about hashes the hub does not hold (feedback) or did not take (submission).
    #[serde(rename = "ignoredCount", default)]
    pub ignored_count: usize,
}

/// The canonical form of a hash value of a signal type: lowercase hexadecimal of the right
/// length, or `None` when the value is malformed or the type is not distributed.
pub fn canonical_hash_value(signal_type: SignalType, value: &str) -> Option<String> {
    let digits = match signal_type {
        SignalType::ImagePdq => 64,
        SignalType::VideoMd5 => 32,
        _ => return None,
    };
    (value.len() == digits && value.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| value.to_ascii_lowercase())
}

/// The signal type a bare hash value most likely has (by length), for feedback sent without one.
pub fn infer_signal_type(value: &str) -> Option<SignalType> {
    match value.len() {
        64 => Some(SignalType::ImagePdq),
        32 => Some(SignalType::VideoMd5),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_python_enum_names_and_rejects_unknown() {
        assert_eq!(
            "StopNCIISignalType.ImagePDQ".parse::<SignalType>(),
            Ok(SignalType::ImagePdq)
        );
        assert_eq!("VideoMD5".parse::<SignalType>(), Ok(SignalType::VideoMd5));
        assert!("Undefined".parse::<FeedbackValue>().is_err());
        assert_eq!(
            serde_json::to_string(&FeedbackValue::None).unwrap(),
            "\"None\""
        );
    }

    #[test]
    fn record_uses_stopncii_field_names() {
        let json = r#"{"lastModtimestamp": 1625175071, "hashValue": "9def", "hashStatus": "Active",
            "caseNumbers": {"cc59": "Active"}, "signalType": "ImagePDQ",
            "CSPFeedbacks": [{"source": "Facebook", "feedbackValue": "Blocked", "tags": ["Nude"]}]}"#;
        let record: HashRecord = serde_json::from_str(json).unwrap();
        assert_eq!(
            record.csp_feedbacks[0].feedback_value,
            FeedbackValue::Blocked
        );
        let back = serde_json::to_value(&record).unwrap();
        assert_eq!(back["CSPFeedbacks"][0]["source"], "Facebook");
        assert_eq!(back["lastModtimestamp"], 1625175071);
        assert_eq!(back["caseNumbers"]["cc59"], "Active");
    }

    #[test]
    fn submit_bodies_as_the_python_client_sends_them() {
        let feedback = r#"{"count": 1, "hashFeedbacks": [{"tags": ["Nude"], "feedbackValue": "Blocked",
            "hashValue": "79e07de27d7295339435d63cd31cf35a7bfa29eb2885008500a588a5ea3ae75a"}]}"#;
        let parsed: SubmitFeedbackRequest = serde_json::from_str(feedback).unwrap();
        assert_eq!(parsed.hash_feedbacks[0].signal_type, None);
        let hashes = r#"{"count": 1, "hashRecords": [{"lastModtimestamp": 1, "signalType":
            "StopNCIISignalType.ImagePDQ", "hashValue": "ab", "CSPFeedbacks": [{"tags": [], "feedbackValue": "Blocked"}]}]}"#;
        let parsed: SubmitHashesRequest = serde_json::from_str(hashes).unwrap();
        assert_eq!(parsed.hash_records[0].signal_type, SignalType::ImagePdq);
    }

    #[test]
    fn canonical_values() {
        assert_eq!(
            canonical_hash_value(SignalType::VideoMd5, "D41D8CD98F00B204E9800998ECF8427E"),
            Some("d41d8cd98f00b204e9800998ecf8427e".into())
        );
        assert_eq!(canonical_hash_value(SignalType::VideoMd5, "xyz"), None);
        assert_eq!(canonical_hash_value(SignalType::Text, "ab"), None);
    }
}
