namespace Chukei.Scenarios.Tests;

/// <summary>Finds files of the repository from the test's output directory.</summary>
internal static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            // The test directory is inside the repo in a normal build; with --artifacts-path elsewhere, the project's
            // source directory (recorded at build time) is.
            var source = typeof(RepositoryFiles).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ChukeiSourceDirectory")?.Value;
            foreach (var start in new[] { TestContext.CurrentContext.TestDirectory, source })
            {
                for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "Conformance.sln"))) return dir.FullName;
                }
            }
            throw new InvalidOperationException("Conformance.sln not found above the test or source directory");
        }
    }

    public static IEnumerable<string> Scenarios() =>
        Directory.GetFiles(Path.Combine(Root, "scenarios"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
}
