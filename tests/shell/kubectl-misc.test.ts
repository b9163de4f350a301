/**
 * kubectl's frame: help, unknown commands and flags, version, cluster-info, api-resources,
 * explain; and the read commands that go to the nodes: logs and top.
 */
import { describe, expect, it } from 'vitest';
import * as faults from '../../shared/sim/faults.js';
import { cells, until, world } from './kubectl-helpers.js';

describe('kubectl help and mistakes', () => {
  it('kubectl alone and --help print the command groups', () => {
    const w = world();
    for (const line of ['kubectl', 'kubectl --help', 'kubectl -h']) {
      const r = w.run(line);
      expect(r.exitCode).toBe(0);
      expect(r.effect).toBe('none');
      expect(r.text.startsWith('kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nBasic Commands (Beginner):\n')).toBe(true);
      expect(r.text).toContain('\nDeploy Commands:\n  rollout         Manage the rollout of a resource\n  scale           Set a new size for a deployment, replica set, or replication controller\n');
    }
  });

  it('every command has --help with Options and Usage', () => {
    const w = world();
    for (const cmd of ['get', 'describe', 'apply', 'create', 'create deployment', 'delete', 'scale', 'rollout', 'rollout status', 'rollout undo', 'set image', 'cordon', 'uncordon', 'drain', 'taint', 'logs', 'top', 'top pod', 'explain', 'version', 'cluster-info', 'api-resources']) {
      const r = w.run(`kubectl ${cmd} --help`);
      expect(r.exitCode, cmd).toBe(0);
      expect(r.text, cmd).toContain(`\nUsage:\n  kubectl ${cmd}`);
      expect(r.text.endsWith('Use "kubectl options" for a list of global command-line options (applies to all commands).\n'), cmd).toBe(true);
    }
    expect(w.run('kubectl drain --help').text).toContain('\nOptions:\n    --delete-emptydir-data=false:\n\tContinue even if there are pods using emptyDir');
  });

  it('unknown verbs get cobra\'s suggestions', () => {
    const w = world();
    const r = w.run('kubectl gte pods');
    expect(r.text).toBe('error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n\nRun \'kubectl --help\' for usage.\n');
    expect(r.exitCode).toBe(1);
    expect(w.run('kubectl roll').text).toBe('error: unknown command "roll" for "kubectl"\n\nDid you mean this?\n\trollout\n\nRun \'kubectl --help\' for usage.\n');
    expect(w.run('kubectl zzzzzz').text).toBe('error: unknown command "zzzzzz" for "kubectl"\nRun \'kubectl --help\' for usage.\n');
    expect(w.run('kubectl exec -it web -- sh').text).toMatch(/^error: "kubectl exec" is a real kubectl command that Kubetown does not simulate/);
  });

  it('unknown flags and bad values are pflag errors with the usage hint', () => {
    const w = world();
    expect(w.run('kubectl get pods --foo').text).toBe("error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n");
    expect(w.run('kubectl get pods -x').text).toBe("error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n");
    expect(w.run('kubectl scale deploy/web --replicas=three').text).toBe('error: invalid argument "three" for "--replicas" flag: strconv.ParseInt: parsing "three": invalid syntax\nSee \'kubectl scale --help\' for usage.\n');
    expect(w.run('kubectl get pods -n').text).toBe("error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n");
  });

  it('global flags before the verb', () => {
    const w = world();
    expect(w.run('kubectl -n kube-system get deploy -o name').text).toBe('deployment.apps/coredns\n');
    expect(w.run('kubectl --namespace=kube-system get ds -o name').text).toBe('daemonset.apps/kube-proxy\n');
  });
});

describe('cluster information', () => {
  it('version, cluster-info, api-resources', () => {
    const w = world();
    expect(w.run('kubectl version').text).toBe('Client Version: v1.34.1\nKustomize Version: v5.7.1\nServer Version: v1.34.1\n');
    expect(w.run('kubectl version --client').text).toBe('Client Version: v1.34.1\nKustomize Version: v5.7.1\n');
    expect(w.run('kubectl cluster-info').text).toBe(
      "Kubernetes control plane is running at https://10.0.0.10:6443\nCoreDNS is running at https://10.0.0.10:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
    const res = w.run('kubectl api-resources').text.split('\n');
    expect(cells(res[0])).toEqual(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']);
    expect(res).toContain('deployments   deploy       apps/v1      true         Deployment');
    expect(res).toContain('nodes         no           v1           false        Node');
    expect(w.run('kubectl api-resources --namespaced=false -o name').text).toBe('namespaces\nnodes\n');
  });

  it('explain: a kind, a field, a missing field', () => {
    const w = world();
    const pods = w.run('kubectl explain pods').text;
    expect(pods.startsWith('KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n    Pod is a collection of containers that can run on a host. This resource is\n    created by clients and scheduled onto hosts.\n')).toBe(true);
    expect(pods).toContain('\nFIELDS:\n  apiVersion\t<string>\n');
    const rep = w.run('kubectl explain deployment.spec.replicas').text;
    expect(rep).toBe('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n    Number of desired pods. This is a pointer to distinguish between explicit\n    zero and not specified. Defaults to 1.\n    \n');
    expect(w.run('kubectl explain deploy.spec.template.spec.containers').text).toContain('  image\t<string>\n');
    expect(w.run('kubectl explain pods.spec.nope').text).toBe('error: field "nope" does not exist\n');
    expect(w.run('kubectl explain podz').text).toBe('error: the server doesn\'t have a resource type "podz"\n');
  });
});

describe('kubectl logs', () => {
  it('prints what the container printed; --previous for the crash; -c for a sidecar', () => {
    const w = world(4);
    w.run('kubectl apply -f web.yaml');
    w.c.advance(30_000);
    const pod = w.c.store.list('Pod', 'default')[0].metadata.name;
    expect(w.run(`kubectl logs ${pod}`).text).toBe('> web@1.0.0 start\n> node server.js\nweb 1.0.0 listening on :8080\n');
    expect(w.run(`kubectl logs ${pod} --tail=1`).text).toBe('web 1.0.0 listening on :8080\n');
    expect(w.run(`kubectl logs ${pod} -p`).text).toBe(`Error from server (BadRequest): previous terminated container "app" in pod "${pod}" not found\n`);
    expect(w.run('kubectl logs deploy/web').text).toMatch(/^Found 3 pods, using pod\/web-\S+\n> web@1\.0\.0 start\n/);
    w.run('kubectl set image deploy/web app=web:1.2');
    until(w.c, () => w.c.store.list('Pod', 'default').some((p) => (p.status.containerStatuses?.[0]?.restartCount ?? 0) >= 1), 120_000);
    const crash = w.c.store.list('Pod', 'default').find((p) => p.spec.containers[0].image === 'web:1.2')!.metadata.name;
    expect(w.run(`kubectl logs ${crash} --previous`).text).toContain("Error: Cannot find module 'express-rate-limit'\n");
    expect(w.run('kubectl logs nope').text).toBe('Error from server (NotFound): pods "nope" not found\n');
  });

  it('a multi-container pod defaults to its first container; a pod on a dead node has no logs', () => {
    const w = world();
    w.run('kubectl apply -f sidecar-pod.yaml');
    w.c.advance(30_000);
    expect(w.run('kubectl logs my-pod').text.split('\n')[0]).toBe('Defaulted container "app" out of: app, sidecar');
    expect(w.run('kubectl logs my-pod -c nope').text).toBe('error: container nope is not valid for pod my-pod\n');
    const node = w.c.store.get('Pod', 'my-pod', 'default')!.spec.nodeName!;
    faults.powerLoss(w.c, node);
    expect(w.run('kubectl logs my-pod -c app').text).toMatch(/^Error from server: Get "https:\/\/10\.0\.0\.\d+:10250\/containerLogs\/default\/my-pod\/app": dial tcp 10\.0\.0\.\d+:10250: connect: no route to host\n$/);
  });
});

describe('kubectl top', () => {
  it('nodes: CPU and memory with percentages; a dead node is <unknown>', () => {
    const w = world();
    faults.powerLoss(w.c, 'node-3');
    const lines = w.run('kubectl top nodes').text.trim().split('\n');
    expect(cells(lines[0])).toEqual(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
    for (const l of lines.slice(1, 4)) expect(cells(l)).toEqual([expect.stringMatching(/^(control-plane|node-[12])$/), expect.stringMatching(/^\d+m$/), expect.stringMatching(/^\d+%$/), expect.stringMatching(/^\d+Mi$/), expect.stringMatching(/^\d+%$/)]);
    expect(cells(lines[4])).toEqual(['node-3', '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
  });

  it('pods: the app\'s figures, per container with --containers', () => {
    const w = world();
    expect(w.run('kubectl top pods').text).toBe('No resources found in default namespace.\n');
    w.run('kubectl apply -f web.yaml');
    w.c.advance(30_000);
    const rows = w.run('kubectl top pods').text.trim().split('\n');
    expect(cells(rows[0])).toEqual(['NAME', 'CPU(cores)', 'MEMORY(bytes)']);
    for (const r of rows.slice(1)) expect(cells(r).slice(1)).toEqual(['40m', '180Mi']);
    expect(cells(w.run('kubectl top pods --containers').text.split('\n')[0])).toEqual(['POD', 'NAME', 'CPU(cores)', 'MEMORY(bytes)']);
  });
});

describe('namespaces and an unschedulable pod', () => {
  it('get ns lists the kubeadm namespaces', () => {
    const w = world();
    expect(w.run('kubectl get ns').text).toBe('NAME              STATUS   AGE\ndefault           Active   42d\nkube-node-lease   Active   42d\nkube-public       Active   42d\nkube-system       Active   42d\n');
  });

  it('describe shows Node: <none> and the scheduler\'s FailedScheduling event', () => {
    const big = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: app\n    image: web:1.0\n    resources:\n      requests:\n        cpu: "64"\n';
    const w = world(11, { 'big.yaml': big });
    expect(w.run('kubectl apply -f big.yaml').text).toBe('pod/big created\n');
    w.c.advance(5_000);
    expect(cells(w.run('kubectl get pod big').text.split('\n')[1]).slice(1, 3)).toEqual(['0/1', 'Pending']);
    const out = w.run('kubectl describe pod big').text;
    expect(out).toContain('\nNode:             <none>\n');
    expect(out).toMatch(/\n {2}Warning {2}FailedScheduling {2}5s( \(x\d+ over 5s\))? +default-scheduler {2}0\/4 nodes are available: 1 node\(s\) had untolerated taint\(s\), 3 Insufficient cpu\. preemption: /);
  });
});
