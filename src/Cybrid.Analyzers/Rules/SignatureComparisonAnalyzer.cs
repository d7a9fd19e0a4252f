using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Cybrid.Analyzers.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using static Cybrid.Analyzers.Internal.TypeSymbols;

namespace Cybrid.Analyzers.Rules
{
    /// <summary>
    /// CYB0003: a webhook signature (an HMAC output, the <c>X-Cybrid-Signature</c> header, or a value named like a
    /// signature, HMAC, MAC or digest) compared with <c>==</c>, <c>!=</c>, <c>Equals</c>, <c>string.Compare(…) == 0</c>,
    /// a <c>StringComparer</c> or <c>SequenceEqual</c>, all of which stop at the first differing character.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SignatureComparisonAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The header Cybrid puts the webhook signature in (compared case-insensitively, like HTTP does).</summary>
        public const string SignatureHeaderName = "X-Cybrid-Signature";

        /// <summary>Diagnostic property: present (<c>true</c>) when the code fix can rewrite the comparison.</summary>
        public const string FixableProperty = "Fixable";

        /// <summary>Diagnostic property: where the operands are (see <see cref="ComparisonShape"/>).</summary>
        public const string ShapeProperty = "Shape";

        /// <summary>Diagnostic property: <c>true</c> when the comparison means "not equal".</summary>
        public const string NegateProperty = "Negate";

        /// <summary>Diagnostic property: <c>true</c> when the comparison ignores case.</summary>
        public const string IgnoreCaseProperty = "IgnoreCase";

        /// <summary>Diagnostic property: the <see cref="OperandKind"/> of the first operand.</summary>
        public const string FirstKindProperty = "FirstKind";

        /// <summary>Diagnostic property: the <see cref="OperandKind"/> of the second operand.</summary>
        public const string SecondKindProperty = "SecondKind";

        /// <summary>Diagnostic property: for a <c>Compare(…) == 0</c>, whether the call is the left or the right operand.</summary>
        public const string CallSideProperty = "CallSide";

        private const int MaxDepth = 12;

        // Types this rule looks for besides those in WellKnownTypeNames (kept here so other rules' lists stay untouched).
        private const string KeyedHashAlgorithmName = "System.Security.Cryptography.KeyedHashAlgorithm";
        private const string IncrementalHashName = "System.Security.Cryptography.IncrementalHash";
        private const string StringComparerName = "System.StringComparer";
        private const string EnumerableName = "System.Linq.Enumerable";
        private const string MemoryExtensionsName = "System.MemoryExtensions";
        private const string BitConverterName = "System.BitConverter";
        private const string SpanName = "System.Span`1";
        private const string ReadOnlySpanName = "System.ReadOnlySpan`1";
        private const string MemoryName = "System.Memory`1";
        private const string ReadOnlyMemoryName = "System.ReadOnlyMemory`1";
        private const string StringComparisonName = "System.StringComparison";
        private const string CompareOptionsName = "System.Globalization.CompareOptions";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.CYB0003_NonConstantTimeSignatureComparison);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None); // generated code is not the user's to fix
            context.RegisterCompilationStartAction(start =>
            {
                var state = new CompilationState(start.Compilation);
                if (!state.CanComputeMacs)
                {
                    return; // no HMAC in this compilation's references: nothing to compare
                }

                start.RegisterOperationAction(state.AnalyzeBinary, OperationKind.Binary);
                start.RegisterOperationAction(state.AnalyzeInvocation, OperationKind.Invocation);
            });
        }

        /// <summary>
        /// True for names such as <c>signature</c>, <c>expectedSig</c>, <c>computedHmac</c>, <c>Macs</c>, <c>bodyDigest</c>;
        /// false for <c>machine</c>, <c>macAddress</c> and for names of things about a signature that are not one:
        /// <c>SignatureHeaderName</c>, <c>signatureAlgorithm</c>, <c>hmacKey</c>, <c>signatureVersion</c>. For a field,
        /// property or method (<paramref name="member"/>) a final <c>Header</c> also says "a header name"
        /// (<c>SignatureHeader</c>); a local or parameter named so holds the header's value.
        /// </summary>
        internal static bool IsSignatureLikeName(string? name, bool member = false)
        {
            if (name == null || name.Length < 3)
            {
                return false;
            }

            var matches = IdentifierWords.Contains(name, "signature")
                          || IdentifierWords.Contains(name, "sig")
                          || IdentifierWords.Contains(name, "hmac")
                          || (IdentifierWords.Contains(name, "mac") && !IdentifierWords.Contains(name, "macaddress"))
                          || IdentifierWords.Contains(name, "digest");
            if (!matches)
            {
                return false;
            }

            foreach (var suffix in NonSecretSuffixes)
            {
                if (IdentifierWords.EndsWith(name, suffix))
                {
                    return false;
                }
            }

            return !(member && IdentifierWords.EndsWith(name, "header"));
        }

        /// <summary>Last words that name something about a signature rather than the signature itself.</summary>
        private static readonly string[] NonSecretSuffixes =
        {
            "name", "headername", "key", "algorithm", "alg", "scheme", "type", "version", "prefix", "format", "method",
            "kind", "mode", "encoding", "id", "length", "size", "count", "status", "error", "message", "url", "uri",
            "path", "field", "option", "setting", "provider", "service", "validator", "verifier", "options", "settings",
        };

        internal static bool IsSignatureHeaderName(string text)
            => string.Equals(text.Trim(), SignatureHeaderName, StringComparison.OrdinalIgnoreCase);

        private enum EvidenceKind
        {
            None = 0,
            Name = 1,
            Hmac = 2,
            Header = 3,
        }

        /// <summary>Why an operand is a MAC; the strongest evidence wins.</summary>
        private readonly struct Evidence
        {
            public Evidence(EvidenceKind kind, string? name)
            {
                Kind = kind;
                Name = name;
            }

            public EvidenceKind Kind { get; }

            public string? Name { get; }

            public static Evidence None => default;

            public Evidence Max(Evidence other) => other.Kind > Kind ? other : this;

            public string Describe()
            {
                switch (Kind)
                {
                    case EvidenceKind.Header:
                        return "the " + SignatureHeaderName + " header value";
                    case EvidenceKind.Hmac:
                        return "an HMAC value";
                    default:
                        return "'" + Name + "' (named like a signature)";
                }
            }
        }

        /// <summary>One comparison found in code, with its operands.</summary>
        private sealed class Comparison
        {
            public Comparison(string display, IOperation first, IOperation second, ComparisonShape shape)
            {
                Display = display;
                First = first;
                Second = second;
                Shape = shape;
            }

            public string Display { get; }

            public IOperation First { get; }

            public IOperation Second { get; }

            public ComparisonShape Shape { get; }

            public bool Negate { get; set; }

            /// <summary>Null when the case sensitivity is not known at compile time (no fix then).</summary>
            public bool? IgnoreCase { get; set; } = false;

            public bool CanFix { get; set; } = true;

            public string? CallSide { get; set; }
        }

        private sealed class CompilationState
        {
            private readonly INamedTypeSymbol? _keyedHashAlgorithm;
            private readonly INamedTypeSymbol? _incrementalHash;
            private readonly INamedTypeSymbol? _cryptographicOperations;
            private readonly INamedTypeSymbol? _stringComparer;
            private readonly INamedTypeSymbol? _enumerable;
            private readonly INamedTypeSymbol? _memoryExtensions;
            private readonly INamedTypeSymbol? _convert;
            private readonly INamedTypeSymbol? _bitConverter;
            private readonly INamedTypeSymbol? _encoding;
            private readonly INamedTypeSymbol? _span;
            private readonly INamedTypeSymbol? _readOnlySpan;
            private readonly INamedTypeSymbol? _memory;
            private readonly INamedTypeSymbol? _readOnlyMemory;
            private readonly INamedTypeSymbol? _stringComparison;
            private readonly INamedTypeSymbol? _compareOptions;

            public CompilationState(Compilation compilation)
            {
                var types = WellKnownTypes.GetOrCreate(compilation);
                _keyedHashAlgorithm = types.Get(KeyedHashAlgorithmName) ?? types.Get(WellKnownTypeNames.HMAC);
                _incrementalHash = types.Get(IncrementalHashName);
                _cryptographicOperations = types.Get(WellKnownTypeNames.CryptographicOperations);
                _stringComparer = types.Get(StringComparerName);
                _enumerable = types.Get(EnumerableName);
                _memoryExtensions = types.Get(MemoryExtensionsName);
                _convert = types.Get(WellKnownTypeNames.Convert);
                _bitConverter = types.Get(BitConverterName);
                _encoding = types.Get(WellKnownTypeNames.Encoding);
                _span = types.Get(SpanName);
                _readOnlySpan = types.Get(ReadOnlySpanName);
                _memory = types.Get(MemoryName);
                _readOnlyMemory = types.Get(ReadOnlyMemoryName);
                _stringComparison = types.Get(StringComparisonName);
                _compareOptions = types.Get(CompareOptionsName);
            }

            /// <summary>False when the references hold no HMAC at all (then there is no signature to compare).</summary>
            public bool CanComputeMacs => _keyedHashAlgorithm != null || _incrementalHash != null;

            // ---- comparisons ----------------------------------------------------------------------------------

            public void AnalyzeBinary(OperationAnalysisContext context)
            {
                var binary = (IBinaryOperation)context.Operation;
                var negate = binary.OperatorKind == BinaryOperatorKind.NotEquals;
                if (!negate && binary.OperatorKind != BinaryOperatorKind.Equals)
                {
                    return;
                }

                // string.Compare(a, b) == 0, a.CompareTo(b) != 0, …
                var comparison = TryGetCompareAgainstZero(binary.LeftOperand, binary.RightOperand, "Left")
                                 ?? TryGetCompareAgainstZero(binary.RightOperand, binary.LeftOperand, "Right");
                if (comparison == null)
                {
                    comparison = new Comparison(negate ? "!=" : "==", binary.LeftOperand, binary.RightOperand, ComparisonShape.Binary);
                }

                comparison.Negate = negate;
                Check(context, comparison, binary.Syntax);
            }

            public void AnalyzeInvocation(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;

                // What the operation itself holds first (argument count, parent, type), the target method last: every
                // Equals or SequenceEqual takes one to three arguments and returns bool, and a comparison whose result is
                // thrown away (a call made as a statement, or assigned to _) decides nothing. Of 24k calls in the
                // 100k-line benchmark corpus, 3k get past these tests to the method's name.
                var arguments = invocation.Arguments.Length;
                if (arguments == 0 || arguments > 3 || IsDiscarded(invocation) || invocation.Type?.SpecialType != SpecialType.System_Boolean)
                {
                    return;
                }

                var method = invocation.TargetMethod;
                var name = method.Name;
                if (name != "Equals" && name != "SequenceEqual")
                {
                    return;
                }

                Comparison? comparison = null;
                switch (name)
                {
                    case "Equals":
                        comparison = TryGetEquals(invocation, method);
                        break;
                    case "SequenceEqual":
                        comparison = TryGetSequenceEqual(invocation, method);
                        break;
                }

                if (comparison != null)
                {
                    Check(context, comparison, invocation.Syntax);
                }
            }

            /// <summary>A call made as a statement or assigned to a discard: its result is never read.</summary>
            private static bool IsDiscarded(IOperation operation)
                => operation.Parent is IExpressionStatementOperation
                   || (operation.Parent is ISimpleAssignmentOperation { Target: IDiscardOperation } assignment && assignment.Value == operation);

            private Comparison? TryGetEquals(IInvocationOperation invocation, IMethodSymbol method)
            {
                var arguments = invocation.Arguments;
                var type = method.ContainingType;
                if (method.IsStatic)
                {
                    if (arguments.Length < 2 || arguments.Length > 3)
                    {
                        return null;
                    }

                    string display;
                    if (type.SpecialType == SpecialType.System_String)
                    {
                        display = "string.Equals";
                    }
                    else if (type.SpecialType == SpecialType.System_Object)
                    {
                        display = "object.Equals";
                    }
                    else if (Is(type, _memoryExtensions))
                    {
                        display = "MemoryExtensions.Equals";
                    }
                    else
                    {
                        return null;
                    }

                    var shape = IsReducedExtensionCall(invocation) ? ComparisonShape.InstanceCall : ComparisonShape.StaticCall;
                    var comparison = new Comparison(display, arguments[0].Value, arguments[1].Value, shape);
                    if (arguments.Length == 3)
                    {
                        comparison.IgnoreCase = IgnoreCaseOf(arguments[2].Value);
                    }

                    return WithArgumentCheck(comparison, invocation);
                }

                if (invocation.Instance == null)
                {
                    return null;
                }

                if (arguments.Length == 2 && method.Parameters.Length == 2
                    && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, method.Parameters[1].Type)
                    && method.Parameters[0].Type.SpecialType != SpecialType.System_Object
                    && (DerivesFrom(type, _stringComparer) || IsEqualityComparer(type)))
                {
                    // StringComparer.Ordinal.Equals(a, b), EqualityComparer<string>.Default.Equals(a, b)
                    var comparison = new Comparison(DerivesFrom(type, _stringComparer) ? "StringComparer.Equals" : type.Name + ".Equals", arguments[0].Value, arguments[1].Value, ComparisonShape.StaticCall);
                    comparison.IgnoreCase = ComparerIgnoresCase(invocation.Instance);
                    return WithArgumentCheck(comparison, invocation);
                }

                if (arguments.Length == 1 || (arguments.Length == 2 && type.SpecialType == SpecialType.System_String))
                {
                    // a.Equals(b), a.Equals(b, StringComparison.OrdinalIgnoreCase)
                    var comparison = new Comparison("Equals", invocation.Instance, arguments[0].Value, ComparisonShape.InstanceCall);
                    if (arguments.Length == 2)
                    {
                        comparison.IgnoreCase = IgnoreCaseOf(arguments[1].Value);
                    }

                    return WithArgumentCheck(comparison, invocation);
                }

                return null;
            }

            private Comparison? TryGetSequenceEqual(IInvocationOperation invocation, IMethodSymbol method)
            {
                var arguments = invocation.Arguments;
                if (!method.IsStatic || arguments.Length < 2)
                {
                    return null;
                }

                string display;
                if (Is(method.ContainingType, _enumerable))
                {
                    display = "Enumerable.SequenceEqual";
                }
                else if (Is(method.ContainingType, _memoryExtensions))
                {
                    display = "MemoryExtensions.SequenceEqual";
                }
                else
                {
                    return null;
                }

                var shape = IsReducedExtensionCall(invocation) ? ComparisonShape.InstanceCall : ComparisonShape.StaticCall;
                var comparison = new Comparison(display, arguments[0].Value, arguments[1].Value, shape);
                if (arguments.Length > 2)
                {
                    comparison.CanFix = false; // a custom element comparer: its meaning cannot be kept
                }

                return WithArgumentCheck(comparison, invocation);
            }

            /// <summary><c>string.Compare(a, b) == 0</c>, <c>string.CompareOrdinal(a, b) != 0</c>, <c>a.CompareTo(b) == 0</c>, <c>a.AsSpan().SequenceCompareTo(b) == 0</c>.</summary>
            private Comparison? TryGetCompareAgainstZero(IOperation call, IOperation other, string side)
            {
                var zero = Unwrap(other);
                if (!(zero.ConstantValue.HasValue && zero.ConstantValue.Value is int value && value == 0))
                {
                    return null;
                }

                if (!(Unwrap(call) is IInvocationOperation invocation) || invocation.TargetMethod.ReturnType.SpecialType != SpecialType.System_Int32)
                {
                    return null;
                }

                var method = invocation.TargetMethod;
                var arguments = invocation.Arguments;
                Comparison? comparison = null;
                if (method.ContainingType.SpecialType == SpecialType.System_String && method.IsStatic
                    && (method.Name == "Compare" || method.Name == "CompareOrdinal") && arguments.Length >= 2 && method.Parameters.Length >= 2)
                {
                    var display = "string." + method.Name + "(…)";
                    var substrings = method.Parameters[1].Type.SpecialType != SpecialType.System_String;
                    if (substrings && arguments.Length < 3)
                    {
                        return null;
                    }

                    // Compare(strA, indexA, strB, indexB, length) compares substrings: reported, but the fix would change its meaning
                    comparison = new Comparison(display, arguments[0].Value, arguments[substrings ? 2 : 1].Value, ComparisonShape.CompareStatic);
                    if (substrings)
                    {
                        comparison.CanFix = false;
                    }
                    else
                    {
                        comparison.IgnoreCase = CompareIgnoresCase(method, arguments);
                    }
                }
                else if (method.Name == "CompareTo" && !method.IsStatic && invocation.Instance != null && arguments.Length == 1
                         && (method.ContainingType.SpecialType == SpecialType.System_String))
                {
                    comparison = new Comparison("CompareTo(…)", invocation.Instance, arguments[0].Value, ComparisonShape.CompareInstance);
                }
                else if (method.Name == "SequenceCompareTo" && Is(method.ContainingType, _memoryExtensions) && arguments.Length == 2)
                {
                    var shape = IsReducedExtensionCall(invocation) ? ComparisonShape.CompareInstance : ComparisonShape.CompareStatic;
                    comparison = new Comparison("SequenceCompareTo(…)", arguments[0].Value, arguments[1].Value, shape);
                }

                if (comparison == null)
                {
                    return null;
                }

                comparison.CallSide = side;
                return WithArgumentCheck(comparison, invocation);
            }

            private static Comparison WithArgumentCheck(Comparison comparison, IInvocationOperation invocation)
            {
                // named arguments may be written in any order; the fix reads operands by position, so it stays away
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Syntax is ArgumentSyntax { NameColon: { } })
                    {
                        comparison.CanFix = false;
                    }
                }

                return comparison;
            }

            private void Check(OperationAnalysisContext context, Comparison comparison, SyntaxNode reportAt)
            {
                // x == null, count == 0, s == "": the operation's own constant value rejects most comparisons before any type is read
                var first = Unwrap(comparison.First);
                var second = Unwrap(comparison.Second);
                if (first.ConstantValue.HasValue || second.ConstantValue.HasValue)
                {
                    return;
                }

                // the operand types next, and only then the checks that read the operand's field or method symbol
                var firstKind = KindOf(first.Type);
                var secondKind = KindOf(second.Type);
                if (firstKind == OperandKind.None || secondKind == OperandKind.None || IsNullEmptyOrConstant(first) || IsNullEmptyOrConstant(second))
                {
                    return;
                }

                var tracker = new MacTracker(this, context.Operation, context.CancellationToken);
                var evidence = tracker.Classify(first, 0).Max(tracker.Classify(second, 0));
                if (evidence.Kind == EvidenceKind.None)
                {
                    return;
                }

                var canFix = comparison.CanFix && comparison.IgnoreCase.HasValue && _cryptographicOperations != null && _encoding != null
                             && firstKind != OperandKind.Unfixable && secondKind != OperandKind.Unfixable
                             && !first.IsImplicit && !second.IsImplicit
                             && !(first is IConditionalAccessInstanceOperation) && !(second is IConditionalAccessInstanceOperation)
                             && !(comparison.IgnoreCase == true && (IsBytes(firstKind) || IsBytes(secondKind)));

                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(ShapeProperty, comparison.Shape.ToString());
                if (canFix)
                {
                    properties.Add(FixableProperty, "true");
                    properties.Add(NegateProperty, comparison.Negate ? "true" : "false");
                    properties.Add(IgnoreCaseProperty, comparison.IgnoreCase == true ? "true" : "false");
                    properties.Add(FirstKindProperty, firstKind.ToString());
                    properties.Add(SecondKindProperty, secondKind.ToString());
                    if (comparison.CallSide != null)
                    {
                        properties.Add(CallSideProperty, comparison.CallSide);
                    }
                }

                var display = comparison.Shape == ComparisonShape.CompareStatic || comparison.Shape == ComparisonShape.CompareInstance
                    ? comparison.Display + (comparison.Negate ? " != 0" : " == 0")
                    : comparison.Display;
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.CYB0003_NonConstantTimeSignatureComparison,
                    reportAt.GetLocation(),
                    properties.ToImmutable(),
                    display,
                    evidence.Describe()));
            }

            // ---- operands -------------------------------------------------------------------------------------

            private static bool IsBytes(OperandKind kind)
                => kind == OperandKind.Bytes || kind == OperandKind.ByteMemory;

            /// <summary>How an operand of this type becomes bytes for FixedTimeEquals; None when the type cannot hold a MAC.</summary>
            private OperandKind KindOf(ITypeSymbol? type)
            {
                if (type == null)
                {
                    return OperandKind.None;
                }

                switch (type.SpecialType)
                {
                    case SpecialType.System_String:
                        return OperandKind.String;
                    case SpecialType.System_Object:
                        return OperandKind.None;
                }

                if (type is IArrayTypeSymbol array && array.Rank == 1)
                {
                    switch (array.ElementType.SpecialType)
                    {
                        case SpecialType.System_Byte:
                            return OperandKind.Bytes;
                        case SpecialType.System_Char:
                            return OperandKind.Chars;
                        default:
                            return OperandKind.None;
                    }
                }

                if (!(type is INamedTypeSymbol named))
                {
                    return OperandKind.None;
                }

                if (named.Name == "StringValues" && named.TypeKind == TypeKind.Struct && IsNamespace(named.ContainingNamespace, "Primitives", "Extensions", "Microsoft"))
                {
                    return OperandKind.StringValues;
                }

                if (named.IsGenericType && named.TypeArguments.Length == 1)
                {
                    var element = named.TypeArguments[0].SpecialType;
                    if (element != SpecialType.System_Byte && element != SpecialType.System_Char)
                    {
                        return OperandKind.None;
                    }

                    var original = named.OriginalDefinition;
                    if (Is(original, _span) || Is(original, _readOnlySpan))
                    {
                        return element == SpecialType.System_Byte ? OperandKind.Bytes : OperandKind.CharSpan;
                    }

                    if (Is(original, _memory) || Is(original, _readOnlyMemory))
                    {
                        return element == SpecialType.System_Byte ? OperandKind.ByteMemory : OperandKind.Unfixable;
                    }

                    // List<byte>, IEnumerable<byte>, ImmutableArray<byte>, …: a MAC, but not something FixedTimeEquals takes as is
                    foreach (var candidate in named.AllInterfaces)
                    {
                        if (candidate.Name == "IEnumerable" && candidate.IsGenericType)
                        {
                            return OperandKind.Unfixable;
                        }
                    }

                    return named.Name == "IEnumerable" ? OperandKind.Unfixable : OperandKind.None;
                }

                return OperandKind.None;
            }

            /// <summary>True when <paramref name="ns"/> is the namespace named by <paramref name="names"/>, innermost first.</summary>
            private static bool IsNamespace(INamespaceSymbol? ns, params string[] names)
            {
                foreach (var name in names)
                {
                    if (ns == null || ns.Name != name)
                    {
                        return false;
                    }

                    ns = ns.ContainingNamespace;
                }

                return ns != null && ns.IsGlobalNamespace;
            }

            /// <summary><c>null</c>, <c>default</c>, <c>""</c>, <c>string.Empty</c>, <c>StringValues.Empty</c>, <c>Array.Empty&lt;byte&gt;()</c>, or any other constant.</summary>
            private static bool IsNullEmptyOrConstant(IOperation operation)
            {
                if (operation.ConstantValue.HasValue || operation is IDefaultValueOperation)
                {
                    return true;
                }

                switch (operation)
                {
                    case IFieldReferenceOperation { Field: { Name: "Empty", IsStatic: true } }:
                        return true;
                    case IInvocationOperation { TargetMethod: { Name: "Empty", IsStatic: true } } empty:
                        return empty.TargetMethod.ContainingType.Name == "Array";
                    case IArrayCreationOperation creation:
                        return creation.DimensionSizes.Length == 1 && creation.DimensionSizes[0].ConstantValue.HasValue
                               && creation.DimensionSizes[0].ConstantValue.Value is int size && size == 0;
                    default:
                        return false;
                }
            }

            private static IOperation Unwrap(IOperation operation)
            {
                while (true)
                {
                    switch (operation)
                    {
                        case IConversionOperation { IsImplicit: true } conversion:
                            operation = conversion.Operand;
                            continue;
                        case IParenthesizedOperation parenthesized:
                            operation = parenthesized.Operand;
                            continue;
                        default:
                            return operation;
                    }
                }
            }

            /// <summary>The case sensitivity a <c>StringComparison</c> argument asks for; null when it is not a constant.</summary>
            private bool? IgnoreCaseOf(IOperation comparisonType)
            {
                var value = Unwrap(comparisonType);
                if (!Is(value.Type as INamedTypeSymbol, _stringComparison) || !value.ConstantValue.HasValue || !(value.ConstantValue.Value is int raw))
                {
                    return null;
                }

                // CurrentCulture 0, CurrentCultureIgnoreCase 1, InvariantCulture 2, InvariantCultureIgnoreCase 3, Ordinal 4, OrdinalIgnoreCase 5
                return raw % 2 == 1;
            }

            private bool? CompareIgnoresCase(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
            {
                bool? ignoreCase = false;
                for (var i = 2; i < arguments.Length; i++)
                {
                    var value = Unwrap(arguments[i].Value);
                    var type = arguments[i].Parameter?.Type;
                    if (type == null)
                    {
                        return null;
                    }

                    if (type.SpecialType == SpecialType.System_Boolean)
                    {
                        if (!(value.ConstantValue.HasValue && value.ConstantValue.Value is bool flag))
                        {
                            return null;
                        }

                        ignoreCase = flag;
                    }
                    else if (Is(type as INamedTypeSymbol, _stringComparison))
                    {
                        ignoreCase = IgnoreCaseOf(value);
                        if (ignoreCase == null)
                        {
                            return null;
                        }
                    }
                    else if (Is(type as INamedTypeSymbol, _compareOptions))
                    {
                        // None 0, IgnoreCase 1; any other option (symbols, width, kana…) changes the meaning
                        if (!(value.ConstantValue.HasValue && value.ConstantValue.Value is int options) || (options & ~1) != 0)
                        {
                            return null;
                        }

                        ignoreCase = options == 1;
                    }
                }

                return method.Name == "CompareOrdinal" ? false : ignoreCase;
            }

            /// <summary><c>StringComparer.OrdinalIgnoreCase</c> → true, <c>StringComparer.Ordinal</c> → false, anything else → unknown.</summary>
            private bool? ComparerIgnoresCase(IOperation comparer)
            {
                var value = Unwrap(comparer);
                if (value is IPropertyReferenceOperation { Property: { IsStatic: true } property })
                {
                    if (Is(property.ContainingType, _stringComparer))
                    {
                        switch (property.Name)
                        {
                            case "Ordinal":
                            case "InvariantCulture":
                            case "CurrentCulture":
                                return false;
                            case "OrdinalIgnoreCase":
                            case "InvariantCultureIgnoreCase":
                            case "CurrentCultureIgnoreCase":
                                return true;
                        }
                    }
                    else if (property.Name == "Default" && property.ContainingType.Name == "EqualityComparer")
                    {
                        return false;
                    }
                }

                return null;
            }

            private static bool IsEqualityComparer(INamedTypeSymbol type)
            {
                if (type.Name == "EqualityComparer" || (type.Name == "IEqualityComparer" && type.TypeKind == TypeKind.Interface))
                {
                    return true;
                }

                foreach (var candidate in type.AllInterfaces)
                {
                    if (candidate.Name == "IEqualityComparer" && candidate.IsGenericType)
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>An extension method called as <c>a.M(b)</c> rather than <c>Type.M(a, b)</c>.</summary>
            private static bool IsReducedExtensionCall(IInvocationOperation invocation)
                => invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 && !(invocation.Arguments[0].Syntax is ArgumentSyntax);

            // ---- MAC sources ----------------------------------------------------------------------------------

            public bool IsHmacType(ITypeSymbol? type) => DerivesFrom(type as INamedTypeSymbol, _keyedHashAlgorithm);

            public bool IsIncrementalHash(ITypeSymbol? type) => Is(type as INamedTypeSymbol, _incrementalHash);

            public bool IsConvert(INamedTypeSymbol type) => Is(type, _convert);

            public bool IsBitConverter(INamedTypeSymbol type) => Is(type, _bitConverter);

            public bool IsEncoding(INamedTypeSymbol type) => DerivesFrom(type, _encoding);

            /// <summary>
            /// Follows one operand back to where its value comes from, inside the method (locals and parameters are
            /// followed through every write to them; fields and properties count by name only).
            /// </summary>
            private sealed class MacTracker
            {
                private readonly CompilationState _state;
                private readonly IOperation _start;
                private readonly System.Threading.CancellationToken _cancellationToken;
                private WriteIndex? _writes;
                private List<ISymbol>? _visiting;

                public MacTracker(CompilationState state, IOperation start, System.Threading.CancellationToken cancellationToken)
                {
                    _state = state;
                    _start = start;
                    _cancellationToken = cancellationToken;
                }

                public Evidence Classify(IOperation? operation, int depth)
                {
                    if (operation == null || depth > MaxDepth)
                    {
                        return Evidence.None;
                    }

                    operation = Unwrap(operation);
                    switch (operation)
                    {
                        case ILocalReferenceOperation local:
                            return ClassifySymbol(local.Local, local.Local.IsConst, depth);
                        case IParameterReferenceOperation parameter:
                            return FromHeaderAttribute(parameter.Parameter).Max(ClassifySymbol(parameter.Parameter, false, depth));
                        case IFieldReferenceOperation field:
                            return !field.Field.IsConst && IsSignatureLikeName(field.Field.Name, member: true) ? new Evidence(EvidenceKind.Name, field.Field.Name) : Evidence.None;
                        case IPropertyReferenceOperation property:
                            return ClassifyProperty(property, depth);
                        case IArrayElementReferenceOperation element:
                            return Classify(element.ArrayReference, depth + 1);
                        case IImplicitIndexerReferenceOperation indexer:
                            return Classify(indexer.Instance, depth + 1);
                        case IInvocationOperation invocation:
                            return ClassifyInvocation(invocation, depth);
                        case IAwaitOperation awaited:
                            return Classify(awaited.Operation, depth + 1);
                        case IConversionOperation conversion: // (string)headers["X-Cybrid-Signature"]
                            return Classify(conversion.Operand, depth + 1);
                        case ICoalesceOperation coalesce:
                            return Classify(coalesce.Value, depth + 1).Max(Classify(coalesce.WhenNull, depth + 1));
                        case IConditionalOperation conditional when conditional.WhenFalse != null:
                            return Classify(conditional.WhenTrue, depth + 1).Max(Classify(conditional.WhenFalse, depth + 1));
                        case IConditionalAccessOperation access:
                            return Classify(access.WhenNotNull, depth + 1);
                        case IConditionalAccessInstanceOperation instance:
                            return Classify(AccessedValue(instance), depth + 1);
                        case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                            return Classify(concatenation.LeftOperand, depth + 1).Max(Classify(concatenation.RightOperand, depth + 1));
                        case IInterpolatedStringOperation interpolated:
                            var best = Evidence.None;
                            foreach (var part in interpolated.Parts)
                            {
                                if (part is IInterpolationOperation hole)
                                {
                                    best = best.Max(Classify(hole.Expression, depth + 1));
                                }
                            }

                            return best;
                        default:
                            return Evidence.None;
                    }
                }

                private Evidence ClassifySymbol(ISymbol symbol, bool isConst, int depth)
                {
                    if (isConst)
                    {
                        return Evidence.None;
                    }

                    var evidence = IsSignatureLikeName(symbol.Name) ? new Evidence(EvidenceKind.Name, symbol.Name) : Evidence.None;
                    if (IsVisiting(symbol))
                    {
                        return evidence;
                    }

                    if (evidence.Kind == EvidenceKind.None && symbol is IParameterSymbol parameter && parameter.RefKind != RefKind.Ref && parameter.RefKind != RefKind.Out)
                    {
                        // A value parameter brings its value from the caller: its name (above) and a header attribute
                        // (Classify) are what say it holds a signature. Reassigning one inside the body is rare, and
                        // looking for such writes meant indexing the whole body for nearly every comparison of
                        // business code (string.Equals(line.Sku, sku), amount.Currency == currency): 530 of the
                        // benchmark corpus's 577 candidate comparisons, more than half of the rule's time.
                        return evidence;
                    }

                    // a local that only ever holds constants (var signatureHeader = "X-Cybrid-Signature") is no secret, whatever its name
                    var writes = Writes().Of(symbol);
                    if (symbol.Kind == SymbolKind.Local && OnlyConstants(writes))
                    {
                        return Evidence.None;
                    }

                    _visiting ??= new List<ISymbol>();
                    _visiting.Add(symbol);
                    try
                    {
                        foreach (var write in writes)
                        {
                            _cancellationToken.ThrowIfCancellationRequested();
                            evidence = evidence.Max(ClassifyWrite(write, symbol, depth));
                            if (evidence.Kind == EvidenceKind.Header)
                            {
                                break;
                            }
                        }
                    }
                    finally
                    {
                        _visiting.RemoveAt(_visiting.Count - 1);
                    }

                    return evidence;
                }

                private static bool OnlyConstants(List<IOperation> writes)
                {
                    var any = false;
                    foreach (var write in writes)
                    {
                        IOperation? value;
                        switch (write)
                        {
                            case IVariableDeclaratorOperation declarator:
                                value = declarator.GetVariableInitializer()?.Value;
                                if (value == null)
                                {
                                    continue; // string s; (no value yet)
                                }

                                break;
                            case ISimpleAssignmentOperation assignment:
                                value = assignment.Value;
                                break;
                            case IArgumentOperation argument when argument.Parameter != null && argument.Parameter.RefKind == RefKind.None && argument.Parameter.Name != "destination" && argument.Parameter.Name != "bytes":
                                continue; // a read, not a write
                            default:
                                return false;
                        }

                        if (!Unwrap(value).ConstantValue.HasValue)
                        {
                            return false;
                        }

                        any = true;
                    }

                    return any;
                }

                /// <summary>What <paramref name="operation"/> writes into <paramref name="symbol"/>, if it writes it.</summary>
                private Evidence ClassifyWrite(IOperation operation, ISymbol symbol, int depth)
                {
                    switch (operation)
                    {
                        case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, symbol):
                            var initializer = declarator.GetVariableInitializer();
                            if (initializer != null)
                            {
                                return Classify(initializer.Value, depth + 1);
                            }

                            // foreach (var value in values)
                            return declarator.Parent is IForEachLoopOperation loop ? Classify(loop.Collection, depth + 1) : Evidence.None;
                        case ISimpleAssignmentOperation assignment when Refers(assignment.Target, symbol):
                            return Classify(assignment.Value, depth + 1);
                        case IDeclarationPatternOperation pattern when SymbolEqualityComparer.Default.Equals(pattern.DeclaredSymbol, symbol):
                            return Classify(PatternInput(pattern), depth + 1);
                        case IRecursivePatternOperation pattern when SymbolEqualityComparer.Default.Equals(pattern.DeclaredSymbol, symbol):
                            return Classify(PatternInput(pattern), depth + 1);
                        case IArgumentOperation argument when Refers(argument.Value, symbol) && argument.Parent is IInvocationOperation invocation:
                            return ClassifyArgumentWrite(invocation, argument, depth);
                        default:
                            return Evidence.None;
                    }
                }

                /// <summary>
                /// <c>headers.TryGetValue("X-Cybrid-Signature", out sig)</c>, <c>hmac.TryComputeHash(body, mac, out _)</c>,
                /// <c>HMACSHA256.HashData(key, body, mac)</c>, <c>Convert.TryFromHexString(sig, bytes, out _)</c>.
                /// </summary>
                private Evidence ClassifyArgumentWrite(IInvocationOperation invocation, IArgumentOperation argument, int depth)
                {
                    var parameter = argument.Parameter;
                    if (parameter == null)
                    {
                        return Evidence.None;
                    }

                    var method = invocation.TargetMethod;
                    if (parameter.RefKind == RefKind.Out && method.Name.StartsWith("TryGet", StringComparison.Ordinal) && HasHeaderNameArgument(invocation))
                    {
                        return new Evidence(EvidenceKind.Header, null);
                    }

                    if (parameter.Name != "destination" && parameter.Name != "bytes")
                    {
                        return Evidence.None;
                    }

                    if (IsHmacProducer(invocation))
                    {
                        return new Evidence(EvidenceKind.Hmac, null);
                    }

                    // Convert.TryFromHexString(sig, bytes, out _), Encoding.UTF8.GetBytes(sig, bytes)
                    if ((method.ContainingType != null && (_state.IsConvert(method.ContainingType) || _state.IsEncoding(method.ContainingType)))
                        && invocation.Arguments.Length > 0 && !ReferenceEquals(invocation.Arguments[0], argument))
                    {
                        return Classify(invocation.Arguments[0].Value, depth + 1);
                    }

                    return Evidence.None;
                }

                private Evidence ClassifyProperty(IPropertyReferenceOperation reference, int depth)
                {
                    var property = reference.Property;
                    if (property.IsIndexer)
                    {
                        // headers["X-Cybrid-Signature"], form["signature"], values[0]
                        foreach (var argument in reference.Arguments)
                        {
                            if (ConstantStrings.TryFold(argument.Value, out var key))
                            {
                                if (IsSignatureHeaderName(key))
                                {
                                    return new Evidence(EvidenceKind.Header, null);
                                }

                                if (IsSignatureLikeName(key))
                                {
                                    return new Evidence(EvidenceKind.Name, key);
                                }

                                return Evidence.None;
                            }
                        }

                        return Classify(reference.Instance, depth + 1);
                    }

                    if (property.Name == "Hash" && reference.Instance != null && _state.IsHmacType(reference.Instance.Type))
                    {
                        return new Evidence(EvidenceKind.Hmac, null); // hmac.TransformFinalBlock(…); hmac.Hash
                    }

                    // nullable.Value, memory.Span, task.Result
                    if ((property.Name == "Value" || property.Name == "Span" || property.Name == "Result") && reference.Instance != null)
                    {
                        var inner = Classify(reference.Instance, depth + 1);
                        if (inner.Kind != EvidenceKind.None)
                        {
                            return inner;
                        }
                    }

                    return IsSignatureLikeName(property.Name, member: true) ? new Evidence(EvidenceKind.Name, property.Name) : Evidence.None;
                }

                private Evidence ClassifyInvocation(IInvocationOperation invocation, int depth)
                {
                    if (IsHmacProducer(invocation))
                    {
                        return new Evidence(EvidenceKind.Hmac, null);
                    }

                    var method = invocation.TargetMethod;
                    var type = method.ContainingType;
                    var name = method.Name;
                    if (name.StartsWith("Get", StringComparison.Ordinal) && HasHeaderNameArgument(invocation))
                    {
                        return new Evidence(EvidenceKind.Header, null); // headers.GetValues("X-Cybrid-Signature"), collection.Get(…)
                    }

                    // conversions and string edits keep a MAC a MAC: hex/base64, case, "sha256=" prefix, spans, arrays
                    IOperation? source = null;
                    if (type != null && method.IsStatic && (_state.IsConvert(type) || _state.IsBitConverter(type)) && IsConversionName(name))
                    {
                        source = FirstArgument(invocation);
                    }
                    else if (type != null && _state.IsEncoding(type) && (name == "GetBytes" || name == "GetString"))
                    {
                        source = FirstArgument(invocation);
                    }
                    else if (type?.SpecialType == SpecialType.System_String && method.IsStatic && name == "Concat")
                    {
                        var best = Evidence.None;
                        foreach (var argument in invocation.Arguments)
                        {
                            best = best.Max(Classify(argument.Value, depth + 1));
                        }

                        return best;
                    }
                    else if (IsPassThroughName(name))
                    {
                        source = invocation.Instance ?? (method.IsExtensionMethod ? FirstArgument(invocation) : null);
                    }

                    if (source != null)
                    {
                        var inner = Classify(source, depth + 1);
                        if (inner.Kind != EvidenceKind.None)
                        {
                            return inner;
                        }
                    }

                    // ComputeSignature(body), GetExpectedHmac(…)
                    return IsSignatureLikeName(name, member: true) ? new Evidence(EvidenceKind.Name, name) : Evidence.None;
                }

                /// <summary>An HMAC output: <c>hmac.ComputeHash(…)</c>, <c>HMACSHA256.HashData(…)</c>, <c>hmac.TryComputeHash(…)</c>, <c>incrementalHmac.GetHashAndReset()</c>.</summary>
                private bool IsHmacProducer(IInvocationOperation invocation)
                {
                    var method = invocation.TargetMethod;
                    switch (method.Name)
                    {
                        case "ComputeHash":
                        case "ComputeHashAsync":
                        case "TryComputeHash":
                            return invocation.Instance != null && IsHmacInstance(invocation.Instance);
                        case "HashData":
                        case "HashDataAsync":
                        case "TryHashData":
                            return method.IsStatic && _state.IsHmacType(method.ContainingType);
                        case "GetHashAndReset":
                        case "GetCurrentHash":
                        case "TryGetHashAndReset":
                        case "TryGetCurrentHash":
                            return invocation.Instance != null && _state.IsIncrementalHash(invocation.Instance.Type) && IsHmacIncrementalHash(invocation.Instance, 0);
                        default:
                            return false;
                    }
                }

                private bool IsHmacInstance(IOperation instance)
                {
                    instance = Unwrap(instance);
                    if (_state.IsHmacType(instance.Type))
                    {
                        return true;
                    }

                    // HashAlgorithm h = new HMACSHA256(key);
                    if (instance is ILocalReferenceOperation local)
                    {
                        foreach (var write in Writes().Of(local.Local))
                        {
                            if (write is IVariableDeclaratorOperation declarator
                                && declarator.GetVariableInitializer() is { } initializer
                                && _state.IsHmacType(Unwrap(initializer.Value).Type))
                            {
                                return true;
                            }
                        }
                    }

                    return false;
                }

                /// <summary>An <c>IncrementalHash</c> made by <c>IncrementalHash.CreateHMAC</c> (directly, or held in a local or a member named like an HMAC).</summary>
                private bool IsHmacIncrementalHash(IOperation instance, int depth)
                {
                    instance = Unwrap(instance);
                    switch (instance)
                    {
                        case IInvocationOperation { TargetMethod: { Name: "CreateHMAC" } }:
                            return true;
                        case ILocalReferenceOperation local when depth < 2:
                            foreach (var write in Writes().Of(local.Local))
                            {
                                IOperation? value = null;
                                if (write is IVariableDeclaratorOperation declarator)
                                {
                                    value = declarator.GetVariableInitializer()?.Value;
                                }
                                else if (write is ISimpleAssignmentOperation assignment)
                                {
                                    value = assignment.Value;
                                }

                                if (value != null && IsHmacIncrementalHash(value, depth + 1))
                                {
                                    return true;
                                }
                            }

                            return IsSignatureLikeName(local.Local.Name);
                        case IFieldReferenceOperation field:
                            return IsSignatureLikeName(field.Field.Name, member: true);
                        case IPropertyReferenceOperation property:
                            return IsSignatureLikeName(property.Property.Name, member: true);
                        case IParameterReferenceOperation parameter:
                            return IsSignatureLikeName(parameter.Parameter.Name);
                        default:
                            return false;
                    }
                }

                private static bool HasHeaderNameArgument(IInvocationOperation invocation)
                {
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Value.Type?.SpecialType == SpecialType.System_String
                            && ConstantStrings.TryFold(argument.Value, out var text) && IsSignatureHeaderName(text))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                /// <summary><c>[FromHeader(Name = "X-Cybrid-Signature")] string signature</c>.</summary>
                private static Evidence FromHeaderAttribute(IParameterSymbol parameter)
                {
                    if (!MayHaveAttributes(parameter))
                    {
                        return Evidence.None;
                    }

                    foreach (var attribute in parameter.GetAttributes())
                    {
                        if (attribute.AttributeClass?.Name != "FromHeaderAttribute")
                        {
                            continue;
                        }

                        foreach (var named in attribute.NamedArguments)
                        {
                            if (named.Key == "Name" && named.Value.Value is string header && IsSignatureHeaderName(header))
                            {
                                return new Evidence(EvidenceKind.Header, null);
                            }
                        }
                    }

                    return Evidence.None;
                }

                /// <summary>
                /// False when every declaration of a source parameter has no attribute list: then GetAttributes (which
                /// binds the attributes the first time it is asked) is empty. Parameters without a declaration of their
                /// own (a setter's <c>value</c>, which takes <c>[param: …]</c> from its accessor) are asked as before.
                /// </summary>
                private static bool MayHaveAttributes(IParameterSymbol parameter)
                {
                    var references = parameter.DeclaringSyntaxReferences;
                    if (references.IsDefaultOrEmpty)
                    {
                        return true;
                    }

                    foreach (var reference in references)
                    {
                        if (!(reference.GetSyntax() is ParameterSyntax syntax) || syntax.AttributeLists.Count > 0)
                        {
                            return true;
                        }
                    }

                    return false;
                }

                private static bool IsConversionName(string name)
                {
                    switch (name)
                    {
                        case "ToHexString":
                        case "ToHexStringLower":
                        case "ToBase64String":
                        case "FromHexString":
                        case "FromBase64String":
                        case "ToString": // BitConverter.ToString(bytes)
                            return true;
                        default:
                            return false;
                    }
                }

                /// <summary>Methods whose result is (a part or another form of) the value they are called on.</summary>
                private static bool IsPassThroughName(string name)
                {
                    switch (name)
                    {
                        case "ToLower":
                        case "ToLowerInvariant":
                        case "ToUpper":
                        case "ToUpperInvariant":
                        case "Replace":
                        case "Substring":
                        case "Remove":
                        case "Trim":
                        case "TrimStart":
                        case "TrimEnd":
                        case "Split":
                        case "Normalize":
                        case "ToString":
                        case "ToArray":
                        case "ToCharArray":
                        case "AsSpan":
                        case "AsMemory":
                        case "Slice":
                        case "First":
                        case "FirstOrDefault":
                        case "Single":
                        case "SingleOrDefault":
                        case "Last":
                        case "LastOrDefault":
                        case "ElementAt":
                            return true;
                        default:
                            return false;
                    }
                }

                private static IOperation? FirstArgument(IInvocationOperation invocation)
                    => invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;

                private static IOperation? PatternInput(IOperation pattern)
                {
                    for (var current = pattern.Parent; current != null; current = current.Parent)
                    {
                        switch (current)
                        {
                            case IIsPatternOperation isPattern:
                                return isPattern.Value;
                            case ISwitchOperation switchStatement:
                                return switchStatement.Value;
                            case ISwitchExpressionOperation switchExpression:
                                return switchExpression.Value;
                        }
                    }

                    return null;
                }

                /// <summary>The value a <c>?.</c> access reads: the nearest enclosing conditional access entered through its WhenNotNull part.</summary>
                private static IOperation? AccessedValue(IConditionalAccessInstanceOperation instance)
                {
                    IOperation child = instance;
                    for (var current = instance.Parent; current != null; child = current, current = current.Parent)
                    {
                        if (current is IConditionalAccessOperation access && ReferenceEquals(access.WhenNotNull, child))
                        {
                            return access.Operation;
                        }
                    }

                    return null;
                }

                private static bool Refers(IOperation? operation, ISymbol symbol)
                {
                    switch (operation)
                    {
                        case ILocalReferenceOperation local:
                            return SymbolEqualityComparer.Default.Equals(local.Local, symbol);
                        case IParameterReferenceOperation parameter:
                            return SymbolEqualityComparer.Default.Equals(parameter.Parameter, symbol);
                        case IDeclarationExpressionOperation declaration:
                            return Refers(declaration.Expression, symbol);
                        case IConversionOperation { IsImplicit: true } conversion:
                            return Refers(conversion.Operand, symbol);
                        default:
                            return false;
                    }
                }

                private bool IsVisiting(ISymbol symbol)
                {
                    if (_visiting == null)
                    {
                        return false;
                    }

                    foreach (var visiting in _visiting)
                    {
                        if (SymbolEqualityComparer.Default.Equals(visiting, symbol))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                /// <summary>The writes to locals and parameters in the whole body the comparison is in (lambdas included).</summary>
                private WriteIndex Writes()
                {
                    if (_writes == null)
                    {
                        var root = _start;
                        while (root.Parent != null)
                        {
                            root = root.Parent;
                        }

                        _writes = WriteIndex.For(root);
                    }

                    return _writes;
                }
            }
        }

        /// <summary>
        /// Every operation of one body that may write a local or parameter (declarations, assignments, pattern
        /// declarations, arguments), by symbol: built in one walk, shared by all the comparisons of that body.
        /// </summary>
        private sealed class WriteIndex
        {
            private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IOperation, WriteIndex> Cache =
                new System.Runtime.CompilerServices.ConditionalWeakTable<IOperation, WriteIndex>();

            private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IOperation, WriteIndex>.CreateValueCallback Build = root => new WriteIndex(root);

            private static readonly List<IOperation> None = new List<IOperation>();

            private readonly Dictionary<ISymbol, List<IOperation>> _writes = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);

            private WriteIndex(IOperation root)
            {
                foreach (var operation in root.Descendants())
                {
                    // the kind first, one read per operation, instead of a type test per kind of write
                    ISymbol? symbol;
                    switch (operation.Kind)
                    {
                        case OperationKind.VariableDeclarator:
                            symbol = ((IVariableDeclaratorOperation)operation).Symbol;
                            break;
                        case OperationKind.SimpleAssignment:
                            symbol = WrittenSymbol(((ISimpleAssignmentOperation)operation).Target);
                            break;
                        case OperationKind.DeclarationPattern:
                            symbol = ((IDeclarationPatternOperation)operation).DeclaredSymbol;
                            break;
                        case OperationKind.RecursivePattern:
                            symbol = ((IRecursivePatternOperation)operation).DeclaredSymbol;
                            break;
                        case OperationKind.Argument:
                            symbol = WrittenSymbol(((IArgumentOperation)operation).Value);
                            break;
                        default:
                            continue;
                    }

                    if (symbol == null)
                    {
                        continue;
                    }

                    if (!_writes.TryGetValue(symbol, out var list))
                    {
                        list = new List<IOperation>();
                        _writes.Add(symbol, list);
                    }

                    list.Add(operation);
                }
            }

            public static WriteIndex For(IOperation root) => Cache.GetValue(root, Build);

            public List<IOperation> Of(ISymbol symbol) => _writes.TryGetValue(symbol, out var list) ? list : None;

            private static ISymbol? WrittenSymbol(IOperation? operation)
            {
                switch (operation)
                {
                    case ILocalReferenceOperation local:
                        return local.Local;
                    case IParameterReferenceOperation parameter:
                        return parameter.Parameter;
                    case IDeclarationExpressionOperation declaration:
                        return WrittenSymbol(declaration.Expression);
                    case IConversionOperation { IsImplicit: true } conversion:
                        return WrittenSymbol(conversion.Operand);
                    default:
                        return null;
                }
            }
        }
    }

    /// <summary>Where the two operands of a reported comparison sit in its syntax (read by the code fix).</summary>
    public enum ComparisonShape
    {
        /// <summary><c>a == b</c>, <c>a != b</c>: the left and right operands.</summary>
        Binary,

        /// <summary><c>string.Equals(a, b)</c>, <c>comparer.Equals(a, b)</c>, <c>Enumerable.SequenceEqual(a, b)</c>: the first two arguments.</summary>
        StaticCall,

        /// <summary><c>a.Equals(b)</c>, <c>a.SequenceEqual(b)</c>: the receiver and the first argument.</summary>
        InstanceCall,

        /// <summary><c>string.Compare(a, b) == 0</c>: the first two arguments of the call on the <c>CallSide</c> of the binary.</summary>
        CompareStatic,

        /// <summary><c>a.CompareTo(b) == 0</c>: the receiver and first argument of the call on the <c>CallSide</c> of the binary.</summary>
        CompareInstance,
    }

    /// <summary>How an operand becomes the <c>ReadOnlySpan&lt;byte&gt;</c> that <c>FixedTimeEquals</c> takes.</summary>
    public enum OperandKind
    {
        /// <summary>Not a type that can hold a MAC.</summary>
        None,

        /// <summary>A MAC, but of a type the fix does not convert (<c>List&lt;byte&gt;</c>, <c>ReadOnlyMemory&lt;char&gt;</c>).</summary>
        Unfixable,

        /// <summary><c>byte[]</c>, <c>Span&lt;byte&gt;</c>, <c>ReadOnlySpan&lt;byte&gt;</c>: passed as they are.</summary>
        Bytes,

        /// <summary><c>Memory&lt;byte&gt;</c>, <c>ReadOnlyMemory&lt;byte&gt;</c>: passed as <c>x.Span</c>.</summary>
        ByteMemory,

        /// <summary><c>string</c>: <c>Encoding.UTF8.GetBytes(x)</c>.</summary>
        String,

        /// <summary><c>char[]</c>: <c>Encoding.UTF8.GetBytes(x)</c>.</summary>
        Chars,

        /// <summary><c>Span&lt;char&gt;</c>, <c>ReadOnlySpan&lt;char&gt;</c>: <c>Encoding.UTF8.GetBytes(x.ToString())</c>.</summary>
        CharSpan,

        /// <summary>ASP.NET Core's <c>StringValues</c>: <c>Encoding.UTF8.GetBytes(x.ToString())</c>.</summary>
        StringValues,
    }
}
