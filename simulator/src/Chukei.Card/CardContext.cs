using Chukei.Card.Files;

namespace Chukei.Card;

/// <summary>What a command handler may see: the options, the applications and the session.</summary>
internal sealed record CardContext(CardOptions Options, IReadOnlyList<CardApplication> Applications, CardSession Session);
