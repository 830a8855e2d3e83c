using System.Reflection;

namespace Chukei.Conformance.SelfTests;

/// <summary>Finds the repository (the folder holding Conformance.sln), for tests that read or write docs/.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        // With --artifacts-path outside the repo the test directory is not inside it; the source directory, recorded
        // at build time, is the fallback.
        var source = typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ChukeiSourceDirectory")?.Value;
        foreach (var start in new[] { TestContext.CurrentContext.TestDirectory, source })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Conformance.sln"))) return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Conformance.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
