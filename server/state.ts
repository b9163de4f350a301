/**
 * The room's synchronised state (@colyseus/schema). Everyone sees the shift (phase, clock,
 * code), the players' summaries (the leaderboard) and the incident ticker; each player sees
 * their own town in detail through a StateView (nodes, pods, containers, events), and nobody
 * else's.
 */
import { ArraySchema, MapSchema, Schema, type, view } from '@colyseus/schema';

/** A person in an apartment: one container of a pod. */
export class ContainerState extends Schema {
  @type('string') name = '';
  @type('string') image = '';
  /** running | waiting | terminated */
  @type('string') state = 'waiting';
  /** ContainerCreating, CrashLoopBackOff, OOMKilled, ... */
  @type('string') reason = '';
  @type('boolean') ready = false;
  @type('uint16') restarts = 0;
}

/** An apartment: a pod, with the STATUS word `kubectl get pods` prints. */
export class PodState extends Schema {
  @type('string') name = '';
  @type('string') namespace = '';
  @type('string') node = '';
  @type('string') status = '';
  @type('string') ready = '';
  @type('uint16') restarts = 0;
  @type('string') app = '';
  @type('boolean') terminating = false;
  @type([ContainerState]) containers = new ArraySchema<ContainerState>();
}

/** A container started by hand with `docker run` (the old world), living in a building's ground floor. */
export class HandContainerState extends Schema {
  @type('string') name = '';
  @type('string') image = '';
  /** running | exited | restarting | created */
  @type('string') state = '';
  @type('int16') exitCode = 0;
  @type('string') ports = '';
}

/** A building: a node and the machine under it. */
export class NodeState extends Schema {
  @type('string') name = '';
  @type('string') role = '';
  /** Ready | NotReady | Unknown | SchedulingDisabled-suffixed, as `kubectl get nodes` prints. */
  @type('string') status = '';
  /** on | off | booting */
  @type('string') power = 'on';
  @type('boolean') cordoned = false;
  @type('boolean') diskPressure = false;
  @type('uint8') diskPct = 0;
  @type('uint8') cpuPct = 0;
  @type({ map: HandContainerState }) hand = new MapSchema<HandContainerState>();
}

export class EventState extends Schema {
  /** Order of arrival (0: an empty slot). */
  @type('uint32') seq = 0;
  @type('number') at = 0;
  @type('string') type = '';
  @type('string') reason = '';
  @type('string') object = '';
  @type('string') message = '';
  @type('uint16') count = 1;
}

/** One player's (or the team's) cluster in detail. */
export class TownState extends Schema {
  @type('string') id = '';
  @type({ map: NodeState }) nodes = new MapSchema<NodeState>();
  @type({ map: PodState }) pods = new MapSchema<PodState>();
  /** The latest events in a fixed ring of slots (sort by `seq`): slots are rewritten, never added or removed. */
  @type([EventState]) events = new ArraySchema<EventState>();
  @type('boolean') controlPlaneUp = true;
  /** Requests per second at the door, and served now. */
  @type('uint32') demand = 0;
  @type('uint32') served = 0;
  /** Backends answering via the Service (the bus line) and via the old load balancer. */
  @type('uint8') viaService = 0;
  @type('uint8') viaLoadBalancer = 0;
}

/** A line of the leaderboard. */
export class PlayerState extends Schema {
  @type('string') name = '';
  /** human | sysadmin | reconciler */
  @type('string') kind = 'human';
  @type('boolean') connected = true;
  @type('int32') score = 0;
  /** Availability so far, in hundredths of a percent (9950 = 99.50 %). */
  @type('uint16') availability = 10000;
  @type('uint16') rank = 0;
  @type('string') town = '';
  @type('uint32') manual = 0;
  @type('uint32') declarative = 0;
  @type('uint16') incidents = 0;
  @type('uint32') cost = 0;
  /** Availability per 10 minutes (hundredths of a percent), for sparklines. */
  @type(['uint16']) series = new ArraySchema<number>();
}

export class TickerState extends Schema {
  @type('number') at = 0;
  @type('string') type = '';
  @type('string') title = '';
  @type('string') titleEs = '';
  @type('string') message = '';
  @type('string') messageEs = '';
}

export class ShiftState extends Schema {
  /** lobby | running | paused | finished */
  @type('string') phase = 'lobby';
  /** Sim ms since 00:00. */
  @type('number') clock = 0;
  @type('string') code = '';
  @type('string') scenario = '';
  @type('uint8') minutes = 6;
  @type('string') mode = 'competition';
  @type('string') host = '';
  @type('uint16') spectators = 0;
  @type({ map: PlayerState }) players = new MapSchema<PlayerState>();
  @type([TickerState]) ticker = new ArraySchema<TickerState>();
  @view() @type({ map: TownState }) towns = new MapSchema<TownState>();
}
