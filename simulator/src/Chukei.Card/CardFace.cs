namespace Chukei.Card;

/// <summary>What is printed on the card face and stored in the text and image applications.</summary>
/// <param name="BirthDate">YYYYMMDD.</param>
/// <param name="Sex">1 male, 2 female, 9 not applicable (anchors §3.3).</param>
/// <param name="Photo">The face photo's encoded image bytes (JPEG 2000 on real cards; any bytes here).</param>
public sealed record CardFace(string Name, string Address, string BirthDate, string Sex, ReadOnlyMemory<byte> Photo);
