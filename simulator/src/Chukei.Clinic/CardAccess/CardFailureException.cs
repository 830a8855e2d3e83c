namespace Chukei.Clinic.CardAccess;

/// <summary>The card part of a check failed for <see cref="Reason"/> (one of <see cref="CardFailures"/>).</summary>
public sealed class CardFailureException : Exception
{
    public CardFailureException(string reason, string message, int? triesLeft = null, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
        TriesLeft = triesLeft;
    }

    public CardFailureException() : this(CardFailures.CardError, "card failure") { }

    public CardFailureException(string message) : this(CardFailures.CardError, message) { }

    public CardFailureException(string message, Exception innerException) : this(CardFailures.CardError, message, null, innerException) { }

    public string Reason { get; }

    public int? TriesLeft { get; }
}
