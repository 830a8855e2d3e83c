using System.Reflection;

namespace Chukei.Contracts.Tests;

/// <summary>Finds the repository (the folder holding Conformance.sln), for tests that read docs/.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string TestVectors => System.IO.Path.Combine(Path, "docs", "test-vectors");

    private static string Find()
    {
        // The test directory is inside the repo in a normal build; with --artifacts-path elsewhere it is not, so
        // fall back to the project's source directory, recorded at build time.
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
