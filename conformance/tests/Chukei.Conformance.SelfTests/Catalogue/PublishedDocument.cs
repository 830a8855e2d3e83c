namespace Chukei.Conformance.SelfTests.Catalogue;

/// <summary>A file the kit publishes from code: the committed copy must be what the code renders today.</summary>
internal static class PublishedDocument
{
    /// <summary>Fails when <paramref name="relativePath"/> differs from <paramref name="rendered"/>; with CHUKEI_UPDATE_DOCS=1 rewrites it first.</summary>
    public static async Task AssertCurrentAsync(string relativePath, string rendered)
    {
        // Arrange
        var path = Path.Combine(RepositoryRoot.Path, relativePath);
        if (Environment.GetEnvironmentVariable("CHUKEI_UPDATE_DOCS") == "1") await File.WriteAllTextAsync(path, rendered);

        // Act
        var actual = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";

        // Assert
        Assert.That(actual, Is.EqualTo(rendered), $"{relativePath} is stale; regenerate it with CHUKEI_UPDATE_DOCS=1");
    }
}
