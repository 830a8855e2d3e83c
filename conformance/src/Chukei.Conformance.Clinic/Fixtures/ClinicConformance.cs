using Chukei.Conformance.Clinic.Checks;

namespace Chukei.Conformance.Clinic.Fixtures;

/// <summary>
/// The clinic suite: one test per requirement of protocol §13.5 the kit can judge from the card's log, the clinic's
/// conclusion and the card's state, each case drawn from <see cref="ClinicCases"/>. Subclass it in an adapter project
/// and implement <see cref="ClinicConformanceFixture.CreateDriverAsync"/> (see conformance/README.md).
/// </summary>
public abstract class ClinicConformance : ClinicConformanceFixture
{
    private const string Cases = nameof(ClinicCases.For);

    [Requirement("AUTH-014"), TestCaseSource(typeof(ClinicCases), Cases, new object[] { "AUTH-014" })]
    public Task Clinic_uses_the_relays_answer_only_after_verifying_its_response_envelope(string @case) => CheckAsync("AUTH-014", @case);

    [Requirement("CLN-030"), TestCaseSource(typeof(ClinicCases), Cases, new object[] { "CLN-030" })]
    public Task Clinic_sends_nothing_to_the_card_for_a_PIN_that_is_not_four_digits(string @case) => CheckAsync("CLN-030", @case);

    [Requirement("CLN-031"), TestCaseSource(typeof(ClinicCases), Cases, new object[] { "CLN-031" })]
    public Task Clinic_sends_no_VERIFY_to_a_blocked_PIN(string @case) => CheckAsync("CLN-031", @case);

    [Requirement("CLN-032"), TestCaseSource(typeof(ClinicCases), Cases, new object[] { "CLN-032" })]
    public Task Clinic_sends_one_VERIFY_per_PIN_entered_and_reports_the_tries_left(string @case) => CheckAsync("CLN-032", @case);

    [Requirement("CLN-033"), TestCaseSource(typeof(ClinicCases), Cases, new object[] { "CLN-033" })]
    public Task Clinic_uses_the_card_certificate_only_when_read_whole(string @case) => CheckAsync("CLN-033", @case);

    [Requirement("CLN-034"), TestCaseSource(typeof(ClinicCases), Cases, new object[] { "CLN-034" })]
    public Task Clinic_starts_over_from_SELECT_and_VERIFY_after_a_removal(string @case) => CheckAsync("CLN-034", @case);

    [Requirement("CLN-035"), TestCaseSource(typeof(ClinicCases), Cases, new object[] { "CLN-035" })]
    public Task Clinic_sends_one_SIGN_per_challenge(string @case) => CheckAsync("CLN-035", @case);

    [Requirement("CLN-036"), TestCaseSource(typeof(ClinicCases), Cases, new object[] { "CLN-036" })]
    public Task Clinic_uses_the_relays_answer_only_after_verifying_it(string @case) => CheckAsync("CLN-036", @case);

    [Requirement("CLN-037"), TestCaseSource(typeof(ClinicCases), Cases, new object[] { "CLN-037" })]
    public Task Clinic_concludes_eligible_only_from_a_verified_valid_answer(string @case) => CheckAsync("CLN-037", @case);

    [Requirement("CLN-038"), TestCaseSource(typeof(ClinicCases), Cases, new object[] { "CLN-038" })]
    public Task Clinic_shows_a_renewal_alert_for_a_certificate_expired_within_grace(string @case) => CheckAsync("CLN-038", @case);

    [Requirement("CLN-039"), TestCaseSource(typeof(ClinicCases), Cases, new object[] { "CLN-039" })]
    public Task Clinic_writes_the_PIN_to_no_log(string @case) => CheckAsync("CLN-039", @case);

    [Requirement("CLN-040"), TestCaseSource(typeof(ClinicCases), Cases, new object[] { "CLN-040" })]
    public Task Clinic_waits_for_a_slow_relay_and_repeats_nothing_when_it_fails(string @case) => CheckAsync("CLN-040", @case);

    [Requirement("CLN-041"), TestCaseSource(typeof(ClinicCases), Cases, new object[] { "CLN-041" })]
    public Task Clinic_reads_a_T0_card_with_GET_RESPONSE(string @case) => CheckAsync("CLN-041", @case);

    [Requirement("ELG-005"), TestCaseSource(typeof(ClinicCases), Cases, new object[] { "ELG-005" })]
    public Task Clinic_records_a_valid_answer_with_a_change_pending_as_provisional(string @case) => CheckAsync("ELG-005", @case);

    [Requirement("ELG-021"), TestCaseSource(typeof(ClinicCases), Cases, new object[] { "ELG-021" })]
    public Task Clinic_holds_a_retroactive_change_notice_once_against_the_check_it_supersedes(string @case) => CheckAsync("ELG-021", @case);

    [Requirement("ERR-008"), TestCaseSource(typeof(ClinicCases), Cases, new object[] { "ERR-008" })]
    public Task Clinic_decides_on_a_refusals_code_and_reads_an_unknown_code_by_its_status_class(string @case) => CheckAsync("ERR-008", @case);

    [Requirement("ID-001"), TestCaseSource(typeof(ClinicCases), Cases, new object[] { "ID-001" })]
    public Task Clinic_compares_identifiers_byte_for_byte(string @case) => CheckAsync("ID-001", @case);

    [Requirement("RLY-025"), TestCaseSource(typeof(ClinicCases), Cases, new object[] { "RLY-025" })]
    public Task Clinic_uses_the_forwarded_insurer_answer_only_after_verifying_it_as_the_targets(string @case) => CheckAsync("RLY-025", @case);
}
