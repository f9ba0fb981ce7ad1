import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import type {PortalUrlProblem} from '../../../docspace';
import {createAddressText} from '../wording/address';

// Translated once: a build has one locale.
const ADDRESS = createAddressText(translate);

export interface AddressProblemProps {
  /** The note's id, for the address field's aria-describedby. */
  id: string;
  problem: PortalUrlProblem;
  /** The form's style for a note under a field, as an empty field has. */
  className: string;
}

/** What is wrong with the typed address, under its field; lazy, so the widget's chunk carries none of its words. */
export default function AddressProblem({id, problem, className}: AddressProblemProps): ReactNode {
  return (
    <p id={id} className={className}>
      {ADDRESS[problem]}
    </p>
  );
}
