namespace Chukei.Cli.Tests;

/// <summary>Runs each test with the console captured and a fresh temporary directory, as a CI job would see the command.</summary>
[NonParallelizable]
public abstract class ConsoleTest
{
    private TextWriter _consoleOut = null!;
    private TextWriter _consoleErr = null!;

    protected StringWriter Out { get; private set; } = null!;
    protected StringWriter Err { get; private set; } = null!;
    protected string Dir { get; private set; } = null!;

    [SetUp]
    public void CaptureConsole()
    {
        (_consoleOut, _consoleErr) = (Console.Out, Console.Error);
        (Out, Err) = (new StringWriter(), new StringWriter());
        Console.SetOut(Out);
        Console.SetError(Err);
        Dir = Directory.CreateTempSubdirectory("chukei-cli-").FullName;
    }

    [TearDown]
    public void RestoreConsole()
    {
        Console.SetOut(_consoleOut);
        Console.SetError(_consoleErr);
        Out.Dispose();
        Err.Dispose();
        Directory.Delete(Dir, recursive: true);
    }
}
