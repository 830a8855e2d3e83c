using Chukei.Conformance.Relay.Checks;

namespace Chukei.Conformance.Relay.Fixtures;

/// <summary>
/// The relay suite: one test per requirement of docs/protocol.md a black box can check at the relay, each case drawn
/// from <see cref="RelayCases"/>. Subclass it and implement <see cref="RelayConformanceFixture.CreateTargetAsync"/>, or
/// run <see cref="Configured.ConfiguredRelayConformance"/> with settings.
/// </summary>
public abstract class RelayConformance : RelayConformanceFixture
{
    private const string Cases = nameof(RelayCases.For);

    [Requirement("DIR-001"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "DIR-001" })]
    public Task Relay_describes_every_party_with_its_members(string @case) => CheckAsync("DIR-001", @case);

    [Requirement("DIR-002"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "DIR-002" })]
    public Task Relay_lists_exactly_one_relay_of_known_roles(string @case) => CheckAsync("DIR-002", @case);

    [Requirement("DIR-003"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "DIR-003" })]
    public Task Relay_publishes_public_P256_keys_only(string @case) => CheckAsync("DIR-003", @case);

    [Requirement("DIR-004"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "DIR-004" })]
    public Task Relay_publishes_each_kid_once(string @case) => CheckAsync("DIR-004", @case);

    [Requirement("DIR-007"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "DIR-007" })]
    public Task Relay_lists_one_well_formed_insurer_number_per_insurer(string @case) => CheckAsync("DIR-007", @case);

    [Requirement("DIR-010"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "DIR-010" })]
    public Task Relay_publishes_a_signed_directory_with_the_published_keys(string @case) => CheckAsync("DIR-010", @case);

    [Requirement("DIR-012"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "DIR-012" })]
    public Task Relay_serves_its_own_keys_as_a_JWK_set(string @case) => CheckAsync("DIR-012", @case);

    [Requirement("DIR-008"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "DIR-008" })]
    public Task Relay_signs_with_its_first_active_key(string @case) => CheckAsync("DIR-008", @case);

    [Requirement("AUTH-010"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "AUTH-010" })]
    public Task Relay_answers_with_a_well_formed_response_envelope(string @case) => CheckAsync("AUTH-010", @case);

    [Requirement("AUTH-012"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "AUTH-012" })]
    public Task Relay_signs_its_own_requests_as_a_caller_must(string @case) => CheckAsync("AUTH-012", @case);

    [Requirement("AUTH-001"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "AUTH-001" })]
    public Task Relay_refuses_a_body_that_is_not_application_jose_or_not_a_compact_JWS(string @case) => CheckAsync("AUTH-001", @case);

    [Requirement("AUTH-002"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "AUTH-002" })]
    public Task Relay_refuses_an_envelope_with_a_forbidden_header_or_algorithm(string envelope) => CheckAsync("AUTH-002", envelope);

    [Requirement("AUTH-003"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "AUTH-003" })]
    public Task Relay_refuses_an_envelope_under_an_unknown_key_or_with_a_bad_signature(string envelope) => CheckAsync("AUTH-003", envelope);

    [Requirement("AUTH-004"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "AUTH-004" })]
    public Task Relay_refuses_an_envelope_under_a_revoked_key(string envelope) => CheckAsync("AUTH-004", envelope);

    [Requirement("DIR-005"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "DIR-005" })]
    public Task Relay_accepts_an_envelope_under_a_retired_key(string envelope) => CheckAsync("DIR-005", envelope);

    [Requirement("DIR-006"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "DIR-006" })]
    public Task Relay_refuses_an_envelope_of_a_revoked_party_whatever_its_key(string envelope) => CheckAsync("DIR-006", envelope);

    [Requirement("AUTH-005"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "AUTH-005" })]
    public Task Relay_refuses_an_expired_or_not_yet_valid_envelope(string envelope) => CheckAsync("AUTH-005", envelope);

    [Requirement("AUTH-006"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "AUTH-006" })]
    public Task Relay_refuses_an_envelope_whose_issuer_does_not_own_the_key(string envelope) => CheckAsync("AUTH-006", envelope);

    [Requirement("AUTH-007"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "AUTH-007" })]
    public Task Relay_refuses_an_envelope_addressed_to_another_party(string envelope) => CheckAsync("AUTH-007", envelope);

    [Requirement("AUTH-008"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "AUTH-008" })]
    public Task Relay_refuses_a_replayed_envelope(string envelope) => CheckAsync("AUTH-008", envelope);

    [Requirement("AUTH-009"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "AUTH-009" })]
    public Task Relay_refuses_an_envelope_signed_for_another_method_or_path(string envelope) => CheckAsync("AUTH-009", envelope);

    [Requirement("AUTH-011"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "AUTH-011" })]
    public Task Relay_refuses_a_caller_whose_role_the_endpoint_does_not_serve(string @case) => CheckAsync("AUTH-011", @case);

    [Requirement("ERR-001"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ERR-001" })]
    public Task Relay_refuses_with_a_problem_document_of_the_table(string @case) => CheckAsync("ERR-001", @case);

    [Requirement("ERR-003"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ERR-003" })]
    public Task Relay_refuses_a_body_over_the_size_limit(string @case) => CheckAsync("ERR-003", @case);

    [Requirement("ERR-004"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ERR-004" })]
    public Task Relay_refuses_JSON_nested_too_deep(string envelope) => CheckAsync("ERR-004", envelope);

    [Requirement("ERR-005"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ERR-005" })]
    public Task Relay_refuses_a_body_member_of_the_wrong_type_or_missing_naming_it(string @case) => CheckAsync("ERR-005", @case);

    [Requirement("ERR-009"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ERR-009" })]
    public Task Relay_judges_the_role_before_the_body(string @case) => CheckAsync("ERR-009", @case);

    [Requirement("ERR-006"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ERR-006" })]
    public Task Relay_answers_not_found_for_an_unknown_endpoint(string @case) => CheckAsync("ERR-006", @case);

    [Requirement("ERR-010"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ERR-010" })]
    public Task Relay_puts_no_personal_data_in_problem_documents(string @case) => CheckAsync("ERR-010", @case);

    [Requirement("RLY-001"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "RLY-001" })]
    public Task Relay_answers_lookups_from_insurers(string @case) => CheckAsync("RLY-001", @case);

    [Requirement("RLY-002"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "RLY-002" })]
    public Task Relay_refuses_a_malformed_lookup_naming_the_field(string @case) => CheckAsync("RLY-002", @case);

    [Requirement("RLY-003"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "RLY-003" })]
    public Task Relay_refuses_a_subject_of_the_other_kind(string @case) => CheckAsync("RLY-003", @case);

    [Requirement("RLY-004"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "RLY-004" })]
    public Task Relay_refuses_a_subject_named_by_another_insurers_number(string @case) => CheckAsync("RLY-004", @case);

    [Requirement("RLY-005"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "RLY-005" })]
    public Task Relay_refuses_a_purpose_the_callers_role_may_not_use(string @case) => CheckAsync("RLY-005", @case);

    [Requirement("RLY-006"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "RLY-006" })]
    public Task Relay_resolves_the_subject_from_registered_enrolments(string @case) => CheckAsync("RLY-006", @case);

    [Requirement("RLY-007"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "RLY-007" })]
    public Task Relay_answer_carries_exactly_the_members_of_its_outcome(string @case) => CheckAsync("RLY-007", @case);

    [Requirement("RLY-008"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "RLY-008" })]
    public Task Relay_never_chooses_among_current_enrolments(string @case) => CheckAsync("RLY-008", @case);

    [Requirement("RLY-009"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "RLY-009" })]
    public Task Relay_discloses_nothing_in_clear(string @case) => CheckAsync("RLY-009", @case);

    [Requirement("RLY-033"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "RLY-033" })]
    public Task Relay_answers_from_enrolments_as_registered(string @case) => CheckAsync("RLY-033", @case);

    [Requirement("SEAL-001"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "SEAL-001" })]
    public Task Relay_seal_passes_step_4_at_the_target(string @case) => CheckAsync("SEAL-001", @case);

    [Requirement("SEAL-002"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "SEAL-002" })]
    public Task Relay_seal_claims_are_exactly_the_table(string @case) => CheckAsync("SEAL-002", @case);

    [Requirement("SEAL-003"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "SEAL-003" })]
    public Task Relay_seal_headers_are_exactly_the_profile(string @case) => CheckAsync("SEAL-003", @case);

    [Requirement("ID-001"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ID-001" })]
    public Task Relay_compares_identifiers_as_sent_without_normalising(string @case) => CheckAsync("ID-001", @case);

    [Requirement("ID-002"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ID-002" })]
    public Task Relay_refuses_a_malformed_medical_insurer_number(string @case) => CheckAsync("ID-002", @case);

    [Requirement("ID-003"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ID-003" })]
    public Task Relay_refuses_a_malformed_LTC_insurer_number(string @case) => CheckAsync("ID-003", @case);

    [Requirement("ID-004"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ID-004" })]
    public Task Relay_refuses_a_malformed_LTC_insured_number(string @case) => CheckAsync("ID-004", @case);

    [Requirement("ID-005"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ID-005" })]
    public Task Relay_refuses_a_malformed_basic_pension_number(string @case) => CheckAsync("ID-005", @case);

    [Requirement("ID-006"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ID-006" })]
    public Task Relay_refuses_a_malformed_card_symbol_or_number(string @case) => CheckAsync("ID-006", @case);

    [Requirement("ID-007"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ID-007" })]
    public Task Relay_refuses_a_malformed_or_missing_branch_number(string @case) => CheckAsync("ID-007", @case);

    [Requirement("ID-008"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ID-008" })]
    public Task Relay_publishes_well_formed_unique_party_ids(string @case) => CheckAsync("ID-008", @case);

    [Requirement("ID-009"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ID-009" })]
    public Task Relay_refuses_an_insurer_number_with_a_wrong_check_digit(string @case) => CheckAsync("ID-009", @case);

    [Requirement("ID-012"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ID-012" })]
    public Task Relay_never_discloses_the_person_identifier_to_insurers(string @case) => CheckAsync("ID-012", @case);

    [Requirement("ID-013"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ID-013" })]
    public Task Relay_refuses_a_malformed_correlation_id(string @case) => CheckAsync("ID-013", @case);

    [Requirement("SEAL-004"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "SEAL-004" })]
    public Task Relay_seal_carries_the_registered_number(string @case) => CheckAsync("SEAL-004", @case);

    [Requirement("SEAL-005"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "SEAL-005" })]
    public Task Relay_seal_is_addressed_to_the_target(string @case) => CheckAsync("SEAL-005", @case);

    [Requirement("SEAL-006"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "SEAL-006" })]
    public Task Relay_seal_names_the_requester_and_purpose(string @case) => CheckAsync("SEAL-006", @case);

    [Requirement("SEAL-007"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "SEAL-007" })]
    public Task Relay_seal_lives_at_most_five_minutes(string @case) => CheckAsync("SEAL-007", @case);

    [Requirement("SEAL-008"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "SEAL-008" })]
    public Task Relay_seal_names_its_log_entry(string @case) => CheckAsync("SEAL-008", @case);

    [Requirement("SEAL-009"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "SEAL-009" })]
    public Task Relay_seal_as_of_is_the_registration_time(string @case) => CheckAsync("SEAL-009", @case);

    [Requirement("SEAL-010"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "SEAL-010" })]
    public Task Relay_seal_has_a_fresh_jti(string @case) => CheckAsync("SEAL-010", @case);

    [Requirement("SEAL-011"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "SEAL-011" })]
    public Task Relay_seal_is_encrypted_to_the_target_only(string @case) => CheckAsync("SEAL-011", @case);

    [Requirement("RLY-020"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "RLY-020" })]
    public Task Relay_forwards_a_routed_seal_to_the_target(string @case) => CheckAsync("RLY-020", @case);

    [Requirement("RLY-021"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "RLY-021" })]
    public Task Relay_answers_target_unavailable_when_the_target_does_not_answer(string @case) => CheckAsync("RLY-021", @case);

    [Requirement("RLY-022"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "RLY-022" })]
    public Task Relay_passes_on_the_targets_refusal_code(string @case) => CheckAsync("RLY-022", @case);

    [Requirement("RLY-023"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "RLY-023" })]
    public Task Relay_forwards_the_targets_answer_byte_for_byte(string @case) => CheckAsync("RLY-023", @case);

    [Requirement("RLY-024"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "RLY-024" })]
    public Task Relay_refuses_to_forward_an_answer_that_does_not_verify(string @case) => CheckAsync("RLY-024", @case);

    [Requirement("RLY-030"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "RLY-030" })]
    public Task Relay_refuses_an_update_with_both_records(string @case) => CheckAsync("RLY-030", @case);

    [Requirement("RLY-031"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "RLY-031" })]
    public Task Relay_refuses_an_update_under_a_number_the_caller_does_not_own(string @case) => CheckAsync("RLY-031", @case);

    [Requirement("RLY-032"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "RLY-032" })]
    public Task Relay_registers_updates_for_provisioned_people(string @case) => CheckAsync("RLY-032", @case);

    [Requirement("RLY-034"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "RLY-034" })]
    public Task Relay_registers_a_repeated_update_once(string @case) => CheckAsync("RLY-034", @case);

    [Requirement("CLN-001"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "CLN-001" })]
    public Task Relay_issues_fresh_challenges_to_clinics_only(string @case) => CheckAsync("CLN-001", @case);

    [Requirement("CLN-002"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "CLN-002" })]
    public Task Relay_refuses_a_malformed_card_check_or_one_not_from_a_clinic(string @case) => CheckAsync("CLN-002", @case);

    [Requirement("CLN-003"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "CLN-003" })]
    public Task Relay_verifies_a_card_signature_as_RSA_PKCS1_v1_5_with_SHA_256_only(string @case) => CheckAsync("CLN-003", @case);

    [Requirement("CLN-010"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "CLN-010" })]
    public Task Relay_refuses_a_challenge_it_did_not_issue(string @case) => CheckAsync("CLN-010", @case);

    [Requirement("CLN-011"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "CLN-011" })]
    public Task Relay_refuses_an_expired_challenge(string @case) => CheckAsync("CLN-011", @case);

    [Requirement("CLN-012"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "CLN-012" })]
    public Task Relay_uses_a_challenge_up_when_it_is_presented(string @case) => CheckAsync("CLN-012", @case);

    [Requirement("CLN-013"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "CLN-013" })]
    public Task Relay_refuses_a_malformed_card_certificate(string @case) => CheckAsync("CLN-013", @case);

    [Requirement("CLN-014"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "CLN-014" })]
    public Task Relay_refuses_a_card_certificate_of_an_untrusted_CA(string @case) => CheckAsync("CLN-014", @case);

    [Requirement("CLN-015"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "CLN-015" })]
    public Task Relay_refuses_a_card_signature_that_does_not_bind_challenge_clinic_and_date(string @case) => CheckAsync("CLN-015", @case);

    [Requirement("CLN-016"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "CLN-016" })]
    public Task Relay_refuses_a_card_certificate_not_yet_valid(string @case) => CheckAsync("CLN-016", @case);

    [Requirement("CLN-017"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "CLN-017" })]
    public Task Relay_refuses_a_card_expired_beyond_the_grace_period(string @case) => CheckAsync("CLN-017", @case);

    [Requirement("CLN-018"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "CLN-018" })]
    public Task Relay_refuses_a_revoked_card(string @case) => CheckAsync("CLN-018", @case);

    [Requirement("CLN-019"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "CLN-019" })]
    public Task Relay_refuses_a_card_registered_to_nobody(string @case) => CheckAsync("CLN-019", @case);

    [Requirement("CLN-020"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "CLN-020" })]
    public Task Relay_answers_a_card_expired_within_grace_for_eligibility_only(string @case) => CheckAsync("CLN-020", @case);

    [Requirement("CLN-021"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "CLN-021" })]
    public Task Relay_checks_the_holders_enrolment_for_the_service_date(string @case) => CheckAsync("CLN-021", @case);

    [Requirement("CLN-022"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "CLN-022" })]
    public Task Relay_forwards_the_insurers_answer_to_the_clinic_untouched(string @case) => CheckAsync("CLN-022", @case);

    [Requirement("CLN-023"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "CLN-023" })]
    public Task Relay_logs_every_card_check_for_the_holder(string @case) => CheckAsync("CLN-023", @case);

    [Requirement("LOG-001"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "LOG-001" })]
    public Task Relay_never_changes_an_entry_once_appended(string @case) => CheckAsync("LOG-001", @case);

    [Requirement("LOG-002"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "LOG-002" })]
    public Task Relay_records_every_member_of_an_access(string @case) => CheckAsync("LOG-002", @case);

    [Requirement("LOG-003"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "LOG-003" })]
    public Task Relay_logs_every_lookup(string @case) => CheckAsync("LOG-003", @case);

    [Requirement("LOG-004"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "LOG-004" })]
    public Task Relay_logs_a_routed_inquiry_once_with_its_items(string @case) => CheckAsync("LOG-004", @case);

    [Requirement("LOG-005"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "LOG-005" })]
    public Task Relay_entry_hashes_recompute(string @case) => CheckAsync("LOG-005", @case);

    [Requirement("LOG-006"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "LOG-006" })]
    public Task Relay_entries_are_in_sequence(string @case) => CheckAsync("LOG-006", @case);

    [Requirement("LOG-031"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "LOG-031" })]
    public Task Relay_logs_a_retroactive_change_notice_for_the_person(string @case) => CheckAsync("LOG-031", @case);

    [Requirement("ELG-010"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ELG-010" })]
    public Task Relay_answers_as_of_the_registration_it_answered_from(string @case) => CheckAsync("ELG-010", @case);

    [Requirement("ELG-018"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ELG-018" })]
    public Task Relay_refuses_a_notice_about_an_answer_the_insurer_did_not_give(string @case) => CheckAsync("ELG-018", @case);

    [Requirement("ELG-019"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ELG-019" })]
    public Task Relay_keeps_a_resent_notice_once(string @case) => CheckAsync("ELG-019", @case);

    [Requirement("ELG-020"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "ELG-020" })]
    public Task Relay_hands_a_notice_to_its_requester_only_until_acknowledged(string @case) => CheckAsync("ELG-020", @case);

    [Requirement("LOG-011"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "LOG-011" })]
    public Task Relay_refuses_a_report_naming_an_unknown_entry_whole(string @case) => CheckAsync("LOG-011", @case);

    [Requirement("LOG-012"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "LOG-012" })]
    public Task Relay_appends_reported_records_for_the_person(string @case) => CheckAsync("LOG-012", @case);

    [Requirement("LOG-013"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "LOG-013" })]
    public Task Relay_lists_answered_lookups_as_unreconciled_until_reported(string @case) => CheckAsync("LOG-013", @case);

    [Requirement("LOG-014"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "LOG-014" })]
    public Task Relay_recognises_a_repeated_report(string @case) => CheckAsync("LOG-014", @case);

    [Requirement("LOG-015"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "LOG-015" })]
    public Task Relay_refuses_a_query_for_an_unknown_person(string @case) => CheckAsync("LOG-015", @case);

    [Requirement("LOG-016"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "LOG-016" })]
    public Task Relay_shows_a_person_their_own_entries_only(string @case) => CheckAsync("LOG-016", @case);

    [Requirement("LOG-020"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "LOG-020" })]
    public Task Relay_signs_checkpoints_of_the_chain_head(string @case) => CheckAsync("LOG-020", @case);

    [Requirement("LOG-021"), TestCaseSource(typeof(RelayCases), Cases, new object[] { "LOG-021" })]
    public Task Relay_verifies_its_own_chain(string @case) => CheckAsync("LOG-021", @case);
}
