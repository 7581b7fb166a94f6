#!/usr/bin/env python3
"""Writes a synthetic `aws ec2 describe-security-groups` inventory for timing `opsbot scan`.

Usage: generate-inventory.py GROUPS OUTPUT.json

Each group has five ingress permissions: HTTPS from the world (IPv4 and IPv6), HTTP from the world,
SSH from a private /24, PostgreSQL from a private /16 and 8080 from one public /32; and one egress
permission (all traffic to the world). Every 10th group (index 0, 10, 20, ...) has SSH open to
0.0.0.0/0 instead, so it violates ec2-sg-admin-ports-public and nothing else: N/10 findings.
Addresses differ per group, so nothing is shared between groups.
"""
import json
import sys


def permission(protocol, port, ipv4=(), ipv6=()):
    return {
        "IpProtocol": protocol,
        "FromPort": port,
        "ToPort": port,
        "IpRanges": [{"CidrIp": c} for c in ipv4],
        "Ipv6Ranges": [{"CidrIpv6": c} for c in ipv6],
        "PrefixListIds": [],
        "UserIdGroupPairs": [],
    }


def group(i):
    a, b = (i >> 8) & 255, i & 255
    ssh_source = "0.0.0.0/0" if i % 10 == 0 else f"10.{a}.{b}.0/24"
    return {
        "GroupId": f"sg-{i:017x}",
        "GroupName": f"group-{i}",
        "Description": "synthetic inventory",
        "OwnerId": "111111111111",
        "VpcId": f"vpc-{i // 100:017x}",
        "IpPermissions": [
            permission("tcp", 443, ["0.0.0.0/0"], ["::/0"]),
            permission("tcp", 80, ["0.0.0.0/0"]),
            permission("tcp", 22, [ssh_source]),
            permission("tcp", 5432, [f"10.{a}.0.0/16"]),
            permission("tcp", 8080, [f"203.0.{b}.{a}/32"]),
        ],
        "IpPermissionsEgress": [
            {"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": [],
             "PrefixListIds": [], "UserIdGroupPairs": []},
        ],
        "Tags": [{"Key": "team", "Value": f"team-{i % 7}"}],
    }


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    count, path = int(sys.argv[1]), sys.argv[2]
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"SecurityGroups":[')
        for i in range(count):
            if i:
                out.write(",")
            out.write(json.dumps(group(i), separators=(",", ":")))
        out.write("]}\n")


if __name__ == "__main__":
    main()
