namespace Chukei.Conformance.Outcomes;

/// <summary>The target does not claim the optional feature the check is about (it does not report it at all): skipped, not failed.</summary>
public sealed class FeatureNotClaimedException : Exception
{
    public FeatureNotClaimedException() { }

    public FeatureNotClaimedException(string message) : base(message) { }

    public FeatureNotClaimedException(string message, Exception inner) : base(message, inner) { }
}
