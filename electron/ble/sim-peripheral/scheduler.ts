/** The simulated peripherals run on the BLE side's injected time source. */
export { ManualScheduler, realScheduler, type ManualTimerHandle, type Scheduler } from '../scheduler';
