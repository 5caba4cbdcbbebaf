using AgentTestGuard.Tool.Cli;
using Microsoft.Build.Exceptions;

namespace AgentTestGuard.Tool.Workspace;

/// <summary>
/// A project, solution or imported MSBuild file that MSBuild cannot read is reported as a malformed
/// file, with MSBuild's position and code, and the command ends with the "malformed" exit code,
/// instead of a stack trace and the exit code of a failed check. Own class: it names MSBuild's
/// exception type, so it must be compiled only after <see cref="MSBuildHost"/> registered MSBuild.
/// </summary>
internal static class MalformedMSBuildFile
{
    /// <returns>false after reporting a file MSBuild could not read; the evaluation (null without the package) otherwise.</returns>
    public static bool TryEvaluate(string projectFile, BuildSettings settings, Output output, out ProjectEvaluator.Evaluation? evaluation)
    {
        var result = Report(() => new[] { ProjectEvaluator.Evaluate(projectFile, settings) }, output);
        evaluation = result?[0];
        return result is not null;
    }

    /// <returns>What <paramref name="evaluate"/> returned; null after reporting a file MSBuild could not read.</returns>
    public static T? Report<T>(Func<T> evaluate, Output output)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(evaluate);
        try
        {
            return evaluate();
        }
        catch (InvalidProjectFileException e)
        {
            var position = e.LineNumber > 0 ? $"({e.LineNumber},{Math.Max(e.ColumnNumber, 1)})" : "";
            var code = string.IsNullOrEmpty(e.ErrorCode) ? "" : $" {e.ErrorCode}";
            output.Error($"{Output.Inert(e.ProjectFile ?? "")}{position}: error{code}: {Output.Inert(e.BaseMessage)}");
            return null;
        }
    }
}
