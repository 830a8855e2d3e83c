namespace Chukei.Contracts.Tokens.Mutations;

/// <summary>JSON text that <see cref="JsonText"/> writes verbatim as a member value (e.g. an <c>epk</c> object).</summary>
public sealed record RawJson(string Text);
