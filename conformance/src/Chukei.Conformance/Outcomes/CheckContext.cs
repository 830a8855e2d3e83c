using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Chukei.Conformance.Evidence;
using Chukei.Conformance.Requirements;

namespace Chukei.Conformance.Outcomes;

/// <summary>
/// What one check runs with: the requirement it checks, its evidence, and the verdict helpers. A check body does not
/// call NUnit itself: <see cref="Must(bool, string)"/> throws <see cref="RequirementViolationException"/>,
/// <see cref="Should(string, bool, string)"/> collects a warning, <see cref="Unreachable(string, Exception?)"/> makes a <see cref="PreconditionUnreachableException"/>;
/// <see cref="ConformanceOutcome"/> maps them to NUnit outcomes. So the same body runs under NUnit for a vendor and as
/// a plain method in the kit's self-tests against mutants.
/// </summary>
public sealed class CheckContext(string requirementId, EvidenceRecorder evidence)
{
    private readonly List<string> _warnings = [];

    public string RequirementId { get; } = requirementId;

    public EvidenceRecorder Evidence { get; } = evidence;

    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Fails the check's own requirement unless <paramref name="condition"/> holds.</summary>
    public void Must([DoesNotReturnIf(false)] bool condition, string detail) => Must(RequirementId, condition, detail);

    /// <summary>As above; dates and times in the message are written the protocol's way (<see cref="Detail"/>).</summary>
    public void Must([DoesNotReturnIf(false)] bool condition, [InterpolatedStringHandlerArgument("condition")] ref Detail detail)
    {
        if (!condition) Must(RequirementId, condition, detail.ToStringAndClear());
    }

    /// <summary>Fails <paramref name="requirementId"/> (a MUST) unless <paramref name="condition"/> holds.</summary>
    public static void Must(string requirementId, [DoesNotReturnIf(false)] bool condition, string detail)
    {
        if (!condition) throw new RequirementViolationException(requirementId, Message(requirementId, "violated", detail), null);
    }

    /// <summary>As above; dates and times in the message are written the protocol's way (<see cref="Detail"/>).</summary>
    public static void Must(string requirementId, [DoesNotReturnIf(false)] bool condition, [InterpolatedStringHandlerArgument("condition")] ref Detail detail)
    {
        if (!condition) Must(requirementId, condition, detail.ToStringAndClear());
    }

    /// <summary>Records a warning against <paramref name="requirementId"/> (a SHOULD) unless <paramref name="condition"/> holds.</summary>
    public void Should(string requirementId, bool condition, string detail)
    {
        if (!condition) _warnings.Add(Message(requirementId, "not followed", detail));
    }

    /// <summary>As above; dates and times in the message are written the protocol's way (<see cref="Detail"/>).</summary>
    public void Should(string requirementId, bool condition, [InterpolatedStringHandlerArgument("condition")] ref Detail detail)
    {
        if (!condition) Should(requirementId, condition, detail.ToStringAndClear());
    }

    /// <summary>The exception to throw when the target does not claim the optional feature the check is about.</summary>
    public FeatureNotClaimedException NotClaimed(string detail) => new($"{RequirementId}: not claimed: {detail}");

    /// <summary>As above; dates and times in the message are written the protocol's way (<see cref="Detail"/>).</summary>
    public FeatureNotClaimedException NotClaimed(ref Detail detail) => NotClaimed(detail.ToStringAndClear());

    /// <summary>The exception to throw when the check cannot reach its precondition.</summary>
    public PreconditionUnreachableException Unreachable(string detail, Exception? inner = null) =>
        inner is null
            ? new PreconditionUnreachableException($"{RequirementId}: not checked: {detail}")
            : new PreconditionUnreachableException($"{RequirementId}: not checked: {detail}", inner);

    /// <summary>As above; dates and times in the message are written the protocol's way (<see cref="Detail"/>).</summary>
    public PreconditionUnreachableException Unreachable(ref Detail detail, Exception? inner = null) => Unreachable(detail.ToStringAndClear(), inner);

    /// <summary>"ID (LEVEL) verb: detail" followed by the requirement's text from the catalogue.</summary>
    public static string Message(string requirementId, string verb, string detail)
    {
        var requirement = RequirementCatalogue.Contains(requirementId) ? RequirementCatalogue.Get(requirementId) : null;
        var level = requirement?.Level ?? "?";
        return $"{requirementId} ({level}) {verb}: {detail}" + (requirement is null ? "" : $"{Environment.NewLine}  {requirementId}: {requirement.Text}");
    }
}
