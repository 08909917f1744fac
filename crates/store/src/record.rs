//! The JSON snapshot of a hash that the feed serves.

use protocol::{CspFeedback, FeedbackValue, HashRecord, HashStatus, SignalType};

/// Builds the feed record of a hash: its status, the opaque ids of the cases holding it with
/// their status, and every platform's latest feedback (by platform name).
pub fn build_record(
    second: i64,
    signal_type: SignalType,
    value: &str,
    status: HashStatus,
    cases: &[(String, HashStatus)],
    feedback: &[(String, FeedbackValue, Vec<String>)],
) -> String {
    let record = HashRecord {
        last_mod_timestamp: second,
        signal_type,
        hash_value: value.to_string(),
        hash_status: status,
        case_numbers: cases.iter().cloned().collect(),
        csp_feedbacks: feedback
            .iter()
            .map(|(source, value, tags)| CspFeedback {
                source: source.clone(),
                feedback_value: *value,
                tags: tags.clone(),
            })
            .collect(),
    };
    serde_json::to_string(&record).expect("a record always serialises")
}
