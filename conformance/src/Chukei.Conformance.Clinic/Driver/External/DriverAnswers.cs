using System.Globalization;
using Chukei.Contracts.ClinicDriver;
using Chukei.Contracts.Json;
using Chukei.Contracts.Problems;
using Chukei.Conformance.Outcomes;
using Chukei.Conformance.Runs;

namespace Chukei.Conformance.Clinic.Driver.External;

/// <summary>
/// How the HTTP and command drivers judge what came back from the clinic's driver. No answer at all (refused, timed
/// out, could not be started) is no verdict: <see cref="TargetUnreachableException"/>, the case is inconclusive and the
/// run cannot pass. An answer that is not a verdict (an error status, a non-zero exit, not JSON, an unknown conclusion)
/// fails CLN-037: the clinic ran the check, may have spent PIN tries, and concluded nothing a person could act on.
/// </summary>
public static class DriverAnswers
{
    private const int Quoted = 300;
    private const string Requirement = "CLN-037";

    /// <summary>The request body or standard input of one check or notice pickup.</summary>
    public static string Request<T>(T request) => ProtocolJson.Serialize(request);

    /// <summary>The verdict in <paramref name="body"/>, or a CLN-037 failure naming <paramref name="driver"/> and what is wrong.</summary>
    public static ClinicVerdict Parse(string driver, string body, string pin)
    {
        ArgumentNullException.ThrowIfNull(body);
        ClinicCheckAnswer answer;
        try
        {
            answer = ProtocolJson.Deserialize<ClinicCheckAnswer>(System.Text.Encoding.UTF8.GetBytes(body), "the driver's answer");
        }
        catch (ProtocolException ex)
        {
            throw NoConclusion(driver, $"answered something that is not a verdict ({ex.Message}): {Quote(body, pin)}");
        }
        if (!Enum.IsDefined(answer.Conclusion)) throw NoConclusion(driver, $"answered an unknown conclusion: {Quote(body, pin)}");
        if (answer.PinTriesLeft is < 0 or > 15)
            throw NoConclusion(driver, $"answered pinTriesLeft {answer.PinTriesLeft.Value.ToString(CultureInfo.InvariantCulture)}, which no card can have (0 to 15)");
        return new ClinicVerdict(Kind(answer.Conclusion), answer.Reason, answer.PinTriesLeft) { Log = answer.Log ?? [], RenewalAlert = answer.RenewalAlert };
    }

    /// <summary>The notices in a notice-pickup answer, or an ELG-021 failure: the clinic picked up, but cannot say what it holds.</summary>
    public static IReadOnlyList<ClinicHeldNotice> ParseHeldNotices(string driver, string body)
    {
        try
        {
            return ProtocolJson.Deserialize<ClinicHeldNotices>(System.Text.Encoding.UTF8.GetBytes(body), "the driver's answer").Notices;
        }
        catch (ProtocolException ex)
        {
            throw NoNotices(driver, $"answered something else ({ex.Message}): {Quote(body, "")}");
        }
    }

    /// <summary>An ELG-021 failure: the clinic's driver answered the pickup, but not with the notices it holds.</summary>
    public static RequirementViolationException NoNotices(string driver, string what) =>
        new("ELG-021", CheckContext.Message("ELG-021", "violated", $"the clinic could not say which notices it holds: its driver {driver} {what}"), null);

    /// <summary>A CLN-037 failure: the driver answered, but not with a verdict.</summary>
    public static RequirementViolationException NoConclusion(string driver, string what) =>
        new(Requirement, CheckContext.Message(Requirement, "violated", $"the clinic reached no conclusion: its driver {driver} {what}"), null);

    /// <summary>No answer: the case has no verdict, and the run cannot pass.</summary>
    public static TargetUnreachableException NoAnswer(string driver, string what, Exception? inner = null) =>
        inner is null ? new($"the clinic's driver {driver} {what}") : new($"the clinic's driver {driver} {what}", inner);

    /// <summary>At most <see cref="Quoted"/> characters of what the driver said, with the check's PIN masked (CLN-039 holds for the kit too).</summary>
    public static string Quote(string text, string pin)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = pin.Length > 0 ? text.Replace(pin, new string('*', pin.Length), StringComparison.Ordinal) : text;
        masked = masked.Trim();
        return masked.Length == 0 ? "(empty)" : masked.Length <= Quoted ? $"'{masked}'" : $"'{masked[..Quoted]}…'";
    }

    private static ClinicVerdictKind Kind(ClinicConclusion conclusion) => conclusion switch
    {
        ClinicConclusion.Eligible => ClinicVerdictKind.Eligible,
        ClinicConclusion.EligibleProvisional => ClinicVerdictKind.EligibleProvisional,
        ClinicConclusion.NotEligible => ClinicVerdictKind.NotEligible,
        ClinicConclusion.CardProblem => ClinicVerdictKind.CardProblem,
        _ => ClinicVerdictKind.RelayProblem,
    };
}
