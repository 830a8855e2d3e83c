using Chukei.Conformance.Insurer.Checks;

namespace Chukei.Conformance.Insurer.Fixtures;

/// <summary>
/// The insurer suite: one test per requirement of docs/protocol.md §6.4, §7.4 and §8.3 that a black box can check,
/// each case drawn from <see cref="InsurerCases"/>. Subclass it and implement <see cref="InsurerConformanceFixture.CreateTargetAsync"/>,
/// or run <see cref="Configured.ConfiguredInsurerConformance"/> with settings.
/// </summary>
public abstract class InsurerConformance : InsurerConformanceFixture
{
    private const string Cases = nameof(InsurerCases.For);

    [Requirement("DIR-009"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "DIR-009" })]
    public Task Insurer_learns_a_rotated_key_from_the_relays_directory(string directory) => CheckAsync("DIR-009", directory);

    [Requirement("DIR-010"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "DIR-010" })]
    public Task Insurer_refuses_a_directory_not_signed_by_a_current_relay_key(string directory) => CheckAsync("DIR-010", directory);

    [Requirement("DIR-011"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "DIR-011" })]
    public Task Insurer_refuses_a_directory_that_vouches_for_itself(string directory) => CheckAsync("DIR-011", directory);

    [Requirement("DIR-013"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "DIR-013" })]
    public Task Insurer_refuses_a_directory_older_than_the_one_it_holds(string directory) => CheckAsync("DIR-013", directory);

    [Requirement("AUTH-001"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "AUTH-001" })]
    public Task Insurer_refuses_a_body_that_is_not_a_compact_JWS_envelope(string envelope) => CheckAsync("AUTH-001", envelope);

    [Requirement("AUTH-002"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "AUTH-002" })]
    public Task Insurer_refuses_an_envelope_with_a_forbidden_header_or_algorithm(string envelope) => CheckAsync("AUTH-002", envelope);

    [Requirement("AUTH-003"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "AUTH-003" })]
    public Task Insurer_refuses_an_envelope_under_an_unknown_key_or_with_a_bad_signature(string envelope) => CheckAsync("AUTH-003", envelope);

    [Requirement("AUTH-004"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "AUTH-004" })]
    public Task Insurer_refuses_an_envelope_under_a_revoked_key(string envelope) => CheckAsync("AUTH-004", envelope);

    [Requirement("DIR-005"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "DIR-005" })]
    public Task Insurer_accepts_an_envelope_under_a_retired_key(string envelope) => CheckAsync("DIR-005", envelope);

    [Requirement("DIR-006"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "DIR-006" })]
    public Task Insurer_refuses_an_envelope_of_a_revoked_party_whatever_its_key(string envelope) => CheckAsync("DIR-006", envelope);

    [Requirement("AUTH-005"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "AUTH-005" })]
    public Task Insurer_refuses_an_expired_or_not_yet_valid_envelope(string envelope) => CheckAsync("AUTH-005", envelope);

    [Requirement("AUTH-006"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "AUTH-006" })]
    public Task Insurer_refuses_an_envelope_whose_issuer_does_not_own_the_key(string envelope) => CheckAsync("AUTH-006", envelope);

    [Requirement("AUTH-007"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "AUTH-007" })]
    public Task Insurer_refuses_an_envelope_addressed_to_another_party(string envelope) => CheckAsync("AUTH-007", envelope);

    [Requirement("AUTH-008"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "AUTH-008" })]
    public Task Insurer_records_accepted_envelopes_and_refuses_a_replayed_one(string envelope) => CheckAsync("AUTH-008", envelope);

    [Requirement("AUTH-009"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "AUTH-009" })]
    public Task Insurer_refuses_an_envelope_signed_for_another_method_or_path(string envelope) => CheckAsync("AUTH-009", envelope);

    [Requirement("ERR-004"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "ERR-004" })]
    public Task Insurer_refuses_JSON_nested_too_deep(string envelope) => CheckAsync("ERR-004", envelope);

    [Requirement("ELG-001"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "ELG-001" })]
    public Task Insurer_answers_each_status_with_its_meaning(string inquiry) => CheckAsync("ELG-001", inquiry);

    [Requirement("ELG-002"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "ELG-002" })]
    public Task Insurer_decides_the_status_for_the_service_date(string inquiry) => CheckAsync("ELG-002", inquiry);

    [Requirement("ELG-003"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "ELG-003" })]
    public Task Insurer_answer_as_of_is_the_last_registration(string inquiry) => CheckAsync("ELG-003", inquiry);

    [Requirement("ELG-004"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "ELG-004" })]
    public Task Insurer_reports_a_notified_unregistered_change_as_pending(string inquiry) => CheckAsync("ELG-004", inquiry);

    [Requirement("ELG-006"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "ELG-006" })]
    public Task Insurer_answers_for_today_in_Japan_without_a_service_date(string inquiry) => CheckAsync("ELG-006", inquiry);

    [Requirement("ELG-007"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "ELG-007" })]
    public Task Insurer_answers_a_past_service_date_for_that_date(string inquiry) => CheckAsync("ELG-007", inquiry);

    [Requirement("ELG-008"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "ELG-008" })]
    public Task Insurer_invalid_answer_carries_the_loss_date_and_reason(string inquiry) => CheckAsync("ELG-008", inquiry);

    [Requirement("ELG-009"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "ELG-009" })]
    public Task Insurer_answers_the_held_record_when_one_qualifies_and_none_otherwise(string inquiry) => CheckAsync("ELG-009", inquiry);

    [Requirement("ELG-011"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "ELG-011" })]
    public Task Insurer_answers_only_from_registered_changes(string inquiry) => CheckAsync("ELG-011", inquiry);

    [Requirement("ELG-012"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "ELG-012" })]
    public Task Insurer_answers_the_benefits_of_the_calculation_period_containing_the_service_date(string inquiry) => CheckAsync("ELG-012", inquiry);

    [Requirement("ELG-023"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "ELG-023" })]
    public Task Insurer_says_whether_the_person_is_a_secondary_LTC_insured_on_the_service_date(string inquiry) => CheckAsync("ELG-023", inquiry);

    [Requirement("ERR-010"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "ERR-010" })]
    public Task Insurer_puts_no_personal_data_in_problem_documents(string inquiry) => CheckAsync("ERR-010", inquiry);

    [Requirement("ERR-005"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "ERR-005" })]
    public Task Insurer_refuses_a_body_member_of_the_wrong_type_or_missing_naming_it(string @case) => CheckAsync("ERR-005", @case);

    [Requirement("ERR-009"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "ERR-009" })]
    public Task Insurer_judges_the_envelope_then_the_role_then_the_body(string @case) => CheckAsync("ERR-009", @case);

    [Requirement("INS-001"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-001" })]
    public Task Insurer_serves_inquiries_to_insurers_and_the_relay_only(string @case) => CheckAsync("INS-001", @case);

    [Requirement("INS-002"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-002" })]
    public Task Insurer_refuses_a_malformed_inquiry_before_its_seal(string @case) => CheckAsync("INS-002", @case);

    [Requirement("INS-003"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-003" })]
    public Task Insurer_answers_only_about_its_own_insurer_number(string @case) => CheckAsync("INS-003", @case);

    [Requirement("INS-010"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-010" })]
    public Task Insurer_applies_the_seal_checks_in_the_order_listed(string seal) => CheckAsync("INS-010", seal);

    [Requirement("INS-011"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-011" })]
    public Task Insurer_refuses_a_seal_that_is_not_a_compact_JWE(string seal) => CheckAsync("INS-011", seal);

    [Requirement("INS-012"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-012" })]
    public Task Insurer_refuses_a_seal_with_a_forbidden_or_duplicated_header(string seal) => CheckAsync("INS-012", seal);

    [Requirement("INS-013"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-013" })]
    public Task Insurer_refuses_a_seal_encrypted_with_another_algorithm(string seal) => CheckAsync("INS-013", seal);

    [Requirement("INS-014"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-014" })]
    public Task Insurer_opens_only_seals_to_its_own_current_or_retired_key(string seal) => CheckAsync("INS-014", seal);

    [Requirement("INS-015"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-015" })]
    public Task Insurer_refuses_a_seal_that_does_not_decrypt(string seal) => CheckAsync("INS-015", seal);

    [Requirement("INS-016"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-016" })]
    public Task Insurer_refuses_a_seal_whose_plaintext_is_not_a_signed_JWT(string seal) => CheckAsync("INS-016", seal);

    [Requirement("INS-017"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-017" })]
    public Task Insurer_refuses_a_seal_not_signed_with_ES256(string seal) => CheckAsync("INS-017", seal);

    [Requirement("INS-018"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-018" })]
    public Task Insurer_refuses_a_seal_not_typed_as_a_seal(string seal) => CheckAsync("INS-018", seal);

    [Requirement("INS-019"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-019" })]
    public Task Insurer_refuses_a_seal_signed_under_an_unknown_kid(string seal) => CheckAsync("INS-019", seal);

    [Requirement("INS-020"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-020" })]
    public Task Insurer_refuses_a_seal_signed_by_a_revoked_relay_key(string seal) => CheckAsync("INS-020", seal);

    [Requirement("INS-021"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-021" })]
    public Task Insurer_refuses_a_seal_whose_signature_does_not_verify(string seal) => CheckAsync("INS-021", seal);

    [Requirement("INS-022"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-022" })]
    public Task Insurer_refuses_a_seal_with_malformed_claims(string seal) => CheckAsync("INS-022", seal);

    [Requirement("INS-023"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-023" })]
    public Task Insurer_refuses_a_seal_not_issued_by_the_relay(string seal) => CheckAsync("INS-023", seal);

    [Requirement("INS-024"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-024" })]
    public Task Insurer_refuses_a_seal_addressed_to_another_party(string seal) => CheckAsync("INS-024", seal);

    [Requirement("INS-025"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-025" })]
    public Task Insurer_refuses_an_expired_seal_beyond_the_skew(string seal) => CheckAsync("INS-025", seal);

    [Requirement("INS-026"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-026" })]
    public Task Insurer_refuses_a_seal_not_yet_valid_beyond_the_skew(string seal) => CheckAsync("INS-026", seal);

    [Requirement("INS-027"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-027" })]
    public Task Insurer_refuses_a_seal_whose_lifetime_is_too_long(string seal) => CheckAsync("INS-027", seal);

    [Requirement("INS-028"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-028" })]
    public Task Insurer_refuses_a_replayed_seal(string seal) => CheckAsync("INS-028", seal);

    [Requirement("INS-029"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-029" })]
    public Task Insurer_answers_only_the_requester_the_seal_names(string seal) => CheckAsync("INS-029", seal);

    [Requirement("INS-030"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-030" })]
    public Task Insurer_refuses_a_purpose_not_allowed_for_the_requester(string seal) => CheckAsync("INS-030", seal);

    [Requirement("INS-031"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-031" })]
    public Task Insurer_refuses_items_not_allowed_for_the_purpose(string seal) => CheckAsync("INS-031", seal);

    [Requirement("INS-040"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-040" })]
    public Task Insurer_answers_a_valid_seal_with_a_signed_answer_for_the_caller(string seal) => CheckAsync("INS-040", seal);

    [Requirement("INS-042"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-042" })]
    public Task Insurer_answers_only_the_items_asked_for(string inquiry) => CheckAsync("INS-042", inquiry);

    [Requirement("INS-041"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-041" })]
    public Task Insurer_addresses_a_routed_answer_to_the_sealed_requester(string inquiry) => CheckAsync("INS-041", inquiry);

    [Requirement("INS-043"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-043" })]
    public Task Insurer_answer_names_the_relay_entry_its_own_entry_and_the_correlation_id(string inquiry) => CheckAsync("INS-043", inquiry);

    [Requirement("INS-050"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "INS-050" })]
    public Task NHI_insurer_takes_fall_through_notices_from_the_relay_only_and_acknowledges_a_resend(string inquiry) => CheckAsync("INS-050", inquiry);

    [Requirement("LOG-008"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "LOG-008" })]
    public Task Insurer_records_every_inquiry_answered_or_refused(string inquiry) => CheckAsync("LOG-008", inquiry);

    [Requirement("LOG-009"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "LOG-009" })]
    public Task Insurer_ties_a_refusal_to_the_relays_entry_when_the_seal_verified(string inquiry) => CheckAsync("LOG-009", inquiry);

    [Requirement("LOG-010"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "LOG-010" })]
    public Task Insurer_reports_each_record_to_the_relay_with_purpose_items_outcome_and_correlation_id(string inquiry) => CheckAsync("LOG-010", inquiry);

    [Requirement("ERR-001"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "ERR-001" })]
    public Task Insurer_answers_problem_documents_as_problem_json_with_the_correlation_id(string request) => CheckAsync("ERR-001", request);

    [Requirement("ERR-006"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "ERR-006" })]
    public Task Insurer_answers_not_found_to_a_method_or_path_it_does_not_serve(string request) => CheckAsync("ERR-006", request);

    [Requirement("ERR-003"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "ERR-003" })]
    public Task Insurer_refuses_a_body_over_the_size_limit(string request) => CheckAsync("ERR-003", request);

    [Requirement("ID-013"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "ID-013" })]
    public Task Insurer_quotes_the_correlation_id_in_every_problem_about_the_request(string refusal) => CheckAsync("ID-013", refusal);

    [Requirement("AUTH-010"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "AUTH-010" })]
    public Task Insurer_answers_in_a_response_envelope_without_request_binding(string answer) => CheckAsync("AUTH-010", answer);

    [Requirement("ID-001"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "ID-001" })]
    public Task Insurer_compares_the_sealed_number_byte_for_byte(string seal) => CheckAsync("ID-001", seal);

    [Requirement("DIR-012"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "DIR-012" })]
    public Task Insurer_serves_its_public_keys_only(string request) => CheckAsync("DIR-012", request);

    [Requirement("LOG-018"), TestCaseSource(typeof(InsurerCases), Cases, new object[] { "LOG-018" })]
    public Task Insurer_records_who_presented_the_seal_or_whom_the_relay_forwarded_for(string inquiry) => CheckAsync("LOG-018", inquiry);
}
