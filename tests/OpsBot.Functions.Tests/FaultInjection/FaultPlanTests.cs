namespace OpsBot.Functions.Tests.FaultInjection;

public sealed class FaultPlanTests
{
    [Fact]
    public void Gives_the_same_faults_for_the_same_seed_and_call_order()
    {
        var calls = Calls(200);

        var first = calls.Select(Chaos(seed: 42).Choose).ToList();
        var second = calls.Select(Chaos(seed: 42).Choose).ToList();

        Assert.Equal(first, second);
        Assert.Contains(first, f => f is not null);
    }

    [Fact]
    public void Gives_other_faults_for_another_seed()
    {
        var calls = Calls(200);

        var first = calls.Select(Chaos(seed: 42).Choose).ToList();
        var other = calls.Select(Chaos(seed: 43).Choose).ToList();

        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Never_faults_a_service_without_a_rule()
    {
        var plan = new FaultPlan(1).On("dynamodb", probability: 1, FaultKind.Throttle, FaultKind.DropAfterForward);

        var faults = Enumerable.Range(1, 50).Select(i => plan.Choose(new AwsCall("sqs", "ReceiveMessage", i, i)));

        Assert.All(faults, Assert.Null);
    }

    [Fact]
    public void Stops_drawing_faults_at_max_faults()
    {
        var plan = new FaultPlan(1) { MaxFaults = 3 }.On("dynamodb", probability: 1, FaultKind.Throttle);

        var faults = Calls(20).Select(plan.Choose).Count(f => f is not null);

        Assert.Equal(3, faults);
    }

    [Fact]
    public void Picks_among_the_rule_kinds()
    {
        var plan = new FaultPlan(5).On("dynamodb", probability: 1, FaultKind.Throttle, FaultKind.DropBeforeForward, FaultKind.Delay);

        var kinds = Calls(100).Select(plan.Choose).OfType<FaultKind>().Distinct().Order().ToList();

        Assert.Equal([FaultKind.Throttle, FaultKind.DropBeforeForward, FaultKind.Delay], kinds);
    }

    [Fact]
    public void Faults_only_the_named_occurrence_with_once_at()
    {
        var plan = new FaultPlan(1).OnceAt("dynamodb", "PutItem", occurrence: 2, FaultKind.DropAfterForward);

        var faults = Enumerable.Range(1, 4).Select(i => plan.Choose(new AwsCall("dynamodb", "PutItem", i, i))).ToList();

        Assert.Equal([null, FaultKind.DropAfterForward, null, null], faults);
    }

    [Fact]
    public void Lets_an_operation_rule_win_over_the_service_rule()
    {
        var plan = new FaultPlan(1)
            .On("ec2", probability: 1, FaultKind.Throttle)
            .On("ec2", "RevokeSecurityGroupIngress", probability: 1, FaultKind.DropAfterForward);

        var revoke = plan.Choose(new AwsCall("ec2", "RevokeSecurityGroupIngress", 1, 1));
        var describe = plan.Choose(new AwsCall("ec2", "DescribeSecurityGroups", 2, 1));

        Assert.Equal((FaultKind.DropAfterForward, FaultKind.Throttle), (revoke, describe));
    }

    [Fact]
    public void Asks_the_override_first()
    {
        var plan = new FaultPlan(1)
            .Always("sts", "AssumeRole", FaultKind.Throttle)
            .Override(call => call.Sequence == 1 ? FaultKind.ServerError : null);

        var first = plan.Choose(new AwsCall("sts", "AssumeRole", 1, 1));
        var second = plan.Choose(new AwsCall("sts", "AssumeRole", 2, 2));

        Assert.Equal((FaultKind.ServerError, FaultKind.Throttle), (first, second));
    }

    [Fact]
    public void Does_not_hold_scripted_faults_back_at_max_faults()
    {
        var plan = new FaultPlan(1) { MaxFaults = 0 }.Always("sts", "AssumeRole", FaultKind.Throttle);

        var fault = plan.Choose(new AwsCall("sts", "AssumeRole", 1, 1));

        Assert.Equal(FaultKind.Throttle, fault);
    }

    [Fact]
    public void Refuses_a_probability_outside_zero_to_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaultPlan(1).On("ec2", probability: 1.5, FaultKind.Throttle));
    }

    private static FaultPlan Chaos(int seed) => new FaultPlan(seed)
        .On("dynamodb", probability: 0.2, FaultKind.Throttle, FaultKind.DropAfterForward, FaultKind.ServerError)
        .On("ec2", probability: 0.3, FaultKind.Throttle, FaultKind.DropBeforeForward);

    private static List<AwsCall> Calls(int count) =>
        Enumerable.Range(1, count).Select(i => i % 3 == 0 ? new AwsCall("ec2", "DescribeSecurityGroups", i, i / 3) : new AwsCall("dynamodb", "PutItem", i, i - i / 3)).ToList();
}
