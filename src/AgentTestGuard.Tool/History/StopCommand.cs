using System.CommandLine;
using AgentTestGuard.Approvals;
using AgentTestGuard.Decisions;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Git;

namespace AgentTestGuard.Tool.History;

/// <summary>
/// `dotnet agt stop &lt;agent&gt; --reason` and `dotnet agt continue &lt;agent&gt; --reason`: a human's
/// decision about an agent whose stop rule tripped, recorded in agenttestguard.decisions.jsonl
/// (who and when, by the same rules as an approval: agents and bots are refused).
/// </summary>
internal static class StopCommand
{
    public static Command Create(Output output, bool stop)
    {
        var agent = new Argument<string>("agent") { Description = "The agent decided about, as the policy names it." };
        var reason = new Option<string>("--reason") { Description = "Why, in a few words.", Required = true };
        var by = new Option<string?>("--by") { Description = "Who decides, \"Name <email>\" (default: git user.name and user.email)." };
        var path = HistoryCommand.PathOption();
        var command = stop
            ? new Command("stop", "Stop an agent: the build refuses its new unapproved tests until someone decides to continue.") { agent, reason, by, path }
            : new Command("continue", "Let an agent continue after its stop rule tripped, or after it was stopped.") { agent, reason, by, path };
        command.SetAction(result =>
        {
            var name = result.GetValue(agent)?.Trim();
            var why = result.GetValue(reason)?.Trim();
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(why))
            {
                output.Error("the agent and --reason must not be empty.");
                return ExitCodes.Usage;
            }

            var folder = Path.GetFullPath(result.GetValue(path) ?? ".");
            if (HistoryContext.Load(result.GetValue(path), null, output) is not { } context)
            {
                return ExitCodes.Error;
            }

            var (identity, problem) = GitIdentity.Resolve(folder, result.GetValue(by));
            if (identity is null)
            {
                output.Error(problem!);
                return ExitCodes.Refused;
            }

            var agents = (context.Policy?.Agents ?? []).Append(name);
            if (ApproverIdentity.WhyNotHuman(identity, agents, context.Policy?.ApproverDenyPatterns) is { } notHuman)
            {
                output.Error($"refused: '{Output.Inert(identity)}' cannot decide about {Output.Inert(name)}: {notHuman}. Only a human may stop or continue an agent.");
                return ExitCodes.Refused;
            }

            var decision = new AgentDecision(name, stop, identity, TruncatedNow(), why);
            var file = context.File(DecisionLog.FileName, folder);
            if (!DecisionLog.Update(file, existing => existing.Append(decision), out var diagnostics))
            {
                output.Diagnostics(diagnostics);
                return ExitCodes.Error;
            }

            output.Line($"{(stop ? "stopped" : "continued")}  {Output.Inert(name)}: {Output.Inert(why)}  {output.Dim($"({Output.Inert(file)})")}");
            return ExitCodes.Success;
        });
        return command;
    }

    // The file keeps whole seconds; a decision compared with the time its rule tripped must be read back as written.
    private static DateTimeOffset TruncatedNow()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
