namespace Chukei.Scenarios.Tests;

/// <summary>Finds files of the repository from the test's output directory.</summary>
internal static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Conformance.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Conformance.sln not found above the test directory");
        }
    }

    public static IEnumerable<string> Scenarios() =>
        Directory.GetFiles(Path.Combine(Root, "scenarios"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
}
