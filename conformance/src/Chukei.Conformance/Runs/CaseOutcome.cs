namespace Chukei.Conformance.Runs;

/// <summary>
/// What one case came to in a command-line run, ordered from best to worst: when results are rolled up per
/// requirement, the worst outcome of its cases wins.
/// </summary>
public enum CaseOutcome
{
    /// <summary>Every check held.</summary>
    Passed,

    /// <summary>The target does not claim the optional feature the case is about: skipped, it does not fail the run.</summary>
    NotClaimed,

    /// <summary>Every MUST held; a SHOULD was not followed.</summary>
    Warning,

    /// <summary>A MUST was violated, and the case is on the expected-failures list (a known gap): it does not fail the run.</summary>
    ExpectedFailure,

    /// <summary>The kit could not reach the case's precondition (or the target stopped answering): no verdict.</summary>
    Inconclusive,

    /// <summary>The case is on the expected-failures list but passed: the list is stale, and the run fails until it is fixed.</summary>
    UnexpectedPass,

    /// <summary>A MUST was violated.</summary>
    Failed,
}
