using OpsBot.Rules.Events;
using OpsBot.Rules.Resources.NetworkAcl;

namespace OpsBot.Rules.Tests.Resources.NetworkAcl;

public class NetworkAclResourceTypeTests
{
    private static CloudTrailEvent Fixture(string name) =>
        CloudTrailEventReader.Read(File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "tests", "events", name + ".json")));

    [Fact]
    public void The_acl_an_event_concerns_is_its_request_network_acl_id()
    {
        var reference = Assert.Single(new NetworkAclResourceType().FindResources(Fixture("nacl-create-entry-ssh-world")));

        Assert.Equal(("aws.ec2.network-acl", "acl-0c1d2e3f4a5b60718"), (reference.ResourceType, reference.Id));
    }

    [Fact]
    public void An_event_without_a_network_acl_id_is_malformed()
    {
        var cloudTrailEvent = CloudTrailEventReader.Read("""
            {
              "detail-type": "AWS API Call via CloudTrail", "source": "aws.ec2", "account": "111111111111",
              "region": "eu-west-1", "id": "e1", "time": "2026-11-20T10:02:00Z",
              "detail": {"eventSource": "ec2.amazonaws.com", "eventName": "CreateNetworkAclEntry", "requestParameters": {"ruleNumber": 100}}
            }
            """);

        Assert.Throws<MalformedEventException>(() => new NetworkAclResourceType().FindResources(cloudTrailEvent));
    }

    [Fact]
    public void The_requested_entry_is_read_with_rule_number_egress_and_ports_given_as_strings()
    {
        var entry = NetworkAclRequestedState.Entry(Fixture("nacl-replace-entry-rdp-string-numbers"))!;

        Assert.Equal((130, false, "tcp", 3389, 3389, "0.0.0.0/0", "allow"), (entry.RuleNumber, entry.Egress, entry.Protocol, entry.FromPort, entry.ToPort, entry.Cidr, entry.RuleAction));
    }

    [Fact]
    public void The_requested_state_lets_the_requested_ssh_entry_in_from_the_internet()
    {
        var acl = (NetworkAclFact)Assert.Single(new NetworkAclResourceType().Requested(Fixture("nacl-create-entry-ssh-world")));

        Assert.True(acl.Ingress.Single(e => e.RuleNumber == 100).AllowsFromInternet(22));
    }
}
