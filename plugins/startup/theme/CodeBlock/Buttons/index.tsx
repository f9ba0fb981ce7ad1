/**
 * Copyright (c) Facebook, Inc. and its affiliates.
 *
 * This source code is licensed under the MIT license found in the
 * LICENSE file in the root directory of this source tree.
 */

// Start-up patch (plugins/startup/UPGRADE.md): the buttons are server-rendered. theme-classic adds
// them in the browser only, in a second pass right after hydration (every code block re-renders to
// add them); here they are in the server's HTML and hydrate with the block, so a copy clicked
// before hydration has a button to land on and is replayed once it is (../../../earlyInput.ts).
// The word-wrap button still shows only once the browser has measured that the code scrolls.

import React, {type ReactNode} from 'react';
import clsx from 'clsx';

import CopyButton from '@theme/CodeBlock/Buttons/CopyButton';
import WordWrapButton from '@theme/CodeBlock/Buttons/WordWrapButton';
import type {Props} from '@theme/CodeBlock/Buttons';

import {codeBlockButtonsStyles as styles} from '../../../deep-imports';

export default function CodeBlockButtons({className}: Props): ReactNode {
  return (
    <div className={clsx(className, styles.buttonGroup)}>
      <WordWrapButton />
      <CopyButton />
    </div>
  );
}
