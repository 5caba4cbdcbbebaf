namespace AgentTestGuard.Core.Tests.TestSupport;

/// <summary>
/// Stand-ins for the test frameworks' attributes, with their real full names: the scanner matches names,
/// never assemblies, so a test assembly compiled against these reads like one compiled against the real ones.
/// Their constructors take caller information as the real ones do (xunit v3's <c>[Fact]</c> and MSTest 4's
/// <c>[TestMethod]</c>): the compiler then writes the test's source path and line into the attribute.
/// </summary>
public static class StandInFrameworks
{
    public const string Source = """
        namespace Xunit
        {
            public class FactAttribute : System.Attribute
            {
                public FactAttribute([System.Runtime.CompilerServices.CallerFilePath] string? sourceFilePath = null, [System.Runtime.CompilerServices.CallerLineNumber] int sourceLineNumber = -1) { }
                public string? Skip { get; set; }
            }
            public class TheoryAttribute : FactAttribute
            {
                public TheoryAttribute([System.Runtime.CompilerServices.CallerFilePath] string? sourceFilePath = null, [System.Runtime.CompilerServices.CallerLineNumber] int sourceLineNumber = -1)
                    : base(sourceFilePath, sourceLineNumber) { }
            }
            public class TraitAttribute : System.Attribute { public TraitAttribute(string name, string value) { } }
            [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true)]
            public class InlineDataAttribute : System.Attribute { public InlineDataAttribute(params object[] data) { } }
            public class MemberDataAttribute : System.Attribute { public MemberDataAttribute(string name) { } }
        }

        namespace Microsoft.VisualStudio.TestTools.UnitTesting
        {
            public class TestClassAttribute : System.Attribute { }
            public class TestMethodAttribute : System.Attribute
            {
                public TestMethodAttribute([System.Runtime.CompilerServices.CallerFilePath] string callerFilePath = "", [System.Runtime.CompilerServices.CallerLineNumber] int callerLineNumber = -1) { }
                public string? DisplayName { get; set; }
            }
            public class DataTestMethodAttribute : TestMethodAttribute { }
        }

        namespace NUnit.Framework
        {
            public class TestAttribute : System.Attribute { }
            public class TestCaseAttribute : System.Attribute { public TestCaseAttribute(params object[] arguments) { } }
        }

        namespace TUnit.Core
        {
            public class TestAttribute : System.Attribute { }
        }
        """;
}
